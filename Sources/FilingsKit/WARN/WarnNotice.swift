import FilingsModel
/// One site row of a state's WARN notices: a notice letter covers one or more sites.
public struct WarnNotice: Codable, Sendable, Equatable {
    /// Stable natural key: FNV-1a 64 (hex) of source, normalized company, the three dates and the site (see `WarnNoticeKey`).
    public var key: String
    /// The state source the row belongs to (`ca-warn`, `wa-warn`), whoever published the file it was read from.
    public var source: Source
    /// Company as printed, cleaned: entities decoded, line breaks and runs of spaces collapsed.
    public var company: String
    /// Date on the notice letter, ISO `YYYY-MM-DD`.
    public var noticeDate: String?
    /// Date EDD received (later: processed) the notice, ISO.
    public var receivedDate: String?
    /// Date the layoff or closure takes effect, ISO.
    public var effectiveDate: String?
    /// Employees affected at this site.
    public var employees: Int?
    /// The report's own wording, e.g. "Layoff Permanent", "Closure Unknown at this time".
    public var layoffOrClosure: String?
    /// `.closure` when the wording says closure, else `.layoff`.
    public var kind: EventKind
    /// County (the workbook's "County/Parish"), when the report has that column.
    public var county: String?
    /// Street address of the site (workbooks since FY 2021-22 only).
    public var address: String?
    /// City of the site: a column of older reports, parsed from the address in workbooks.
    public var city: String?
    /// "Related Industry", when the report has that column.
    public var industry: String?
    /// True when the state marks the layoff temporary, false when it marks it permanent; nil when it says neither.
    public var temporary: Bool?
    /// True when the state marks the notice as amending an earlier one.
    public var amendment: Bool?
    /// File name the row was read from.
    public var sourceFile: String
    /// Row number in the sheet (workbooks) or line number in the extracted text (PDFs).
    public var sourceRow: Int

    /// A notice from its parts; `key` is computed by `WarnNoticeKey` when not given.
    public init(
        key: String? = nil, source: Source = .caWarn, company: String, noticeDate: String?, receivedDate: String?, effectiveDate: String?,
        employees: Int?, layoffOrClosure: String?, county: String?, address: String?, city: String?,
        industry: String?, temporary: Bool? = nil, amendment: Bool? = nil, sourceFile: String, sourceRow: Int
    ) {
        self.source = source
        self.company = company
        self.noticeDate = noticeDate
        self.receivedDate = receivedDate
        self.effectiveDate = effectiveDate
        self.employees = employees
        self.layoffOrClosure = layoffOrClosure
        self.kind = WarnNotice.kind(of: layoffOrClosure)
        self.county = county
        self.address = address
        self.city = city
        self.industry = industry
        self.temporary = temporary
        self.amendment = amendment
        self.sourceFile = sourceFile
        self.sourceRow = sourceRow
        self.key = key ?? WarnNoticeKey.key(
            source: source, company: company, noticeDate: noticeDate, effectiveDate: effectiveDate,
            receivedDate: receivedDate, site: address ?? city ?? county ?? ""
        )
    }

    /// `.closure` when the wording mentions a closure, else `.layoff`.
    public static func kind(of layoffOrClosure: String?) -> EventKind {
        (layoffOrClosure ?? "").lowercased().contains("closure") ? .closure : .layoff
    }
}
