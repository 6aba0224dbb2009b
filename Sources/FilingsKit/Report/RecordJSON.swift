import FilingsFormats
import FilingsModel
import Foundation

/// A stored source record (an 8-K, a WARN site row, an ERM event) in the contract's JSON shape.
///
/// Every contract field is always present; fields that do not apply to a source are `null`.
public struct RecordJSON: Encodable, Sendable, Equatable {
    public var source: Source
    public var sourceRef: String
    public var company: String
    public var cik: Int64?
    public var form: String?
    public var items: [String]?
    /// ISO date: the filing date, the WARN notice date, the ERM announcement date.
    public var date: String?
    public var kind: EventKind?
    public var employees: Int?
    public var location: String?
    public var url: String?
    public var receivedDate: String?
    public var effectiveDate: String?
    /// Why `cik` is this record's company, for a notice linked by name ("brand (…)"); null for an 8-K, whose filer is given.
    public var linkedAs: String?

    /// The record form of a stored 8-K.
    public init(_ filing: Filing) {
        source = .sec8k
        sourceRef = filing.accession
        company = TextSanitizer.singleLine(filing.companyName)
        cik = filing.cik
        form = filing.form
        items = filing.items
        date = filing.filingDate
        url = filing.url
    }

    /// The record form of one WARN site row: `date` is its notice date.
    public init(_ notice: WarnNotice) {
        self.init(
            source: notice.source, sourceRef: notice.key, company: notice.company, cik: nil, date: notice.noticeDate, kind: notice.kind,
            employees: notice.employees, location: [notice.address, notice.city, notice.county.map { $0.lowercased().hasSuffix("county") ? $0 : $0 + " County" }].compactMap { $0 }.first,
            url: nil, receivedDate: notice.receivedDate, effectiveDate: notice.effectiveDate)
    }

    /// The record form of an ERM event: `date` is its announcement date, `employees` the size of the change.
    public init(_ event: ERMEvent) {
        self.init(
            source: .euErm, sourceRef: event.id, company: event.company, cik: nil, date: event.announcementDate,
            kind: event.isJobLoss ? .layoff : .restructuring, employees: event.employmentChange.map(abs), location: event.country, url: event.url)
    }

    /// A record from any source, fields given.
    public init(
        source: Source, sourceRef: String, company: String, cik: Int64?, date: String?, kind: EventKind?, employees: Int?,
        location: String?, url: String?, receivedDate: String? = nil, effectiveDate: String? = nil
    ) {
        self.source = source
        self.sourceRef = sourceRef
        self.company = TextSanitizer.singleLine(company)
        self.cik = cik
        self.date = date
        self.kind = kind
        self.employees = employees
        self.location = location.map(TextSanitizer.singleLine)
        self.url = url
        self.receivedDate = receivedDate
        self.effectiveDate = effectiveDate
    }

    /// Takes the company a notice is linked to, and why.
    mutating func link(_ link: RecordLink?) {
        guard let link, let cik = link.cik else { return }
        self.cik = cik
        linkedAs = link.name.map { "\(link.reason): \(TextSanitizer.singleLine($0))" } ?? link.reason
    }

    enum CodingKeys: String, CodingKey {
        case source, sourceRef, company, cik, form, items, date, kind, employees, location, url, receivedDate, effectiveDate, linkedAs
    }

    /// Encodes every field, writing `null` for absent ones.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(sourceRef, forKey: .sourceRef)
        try c.encode(company, forKey: .company)
        try c.encode(cik, forKey: .cik)
        try c.encode(linkedAs, forKey: .linkedAs)
        try c.encode(form, forKey: .form)
        try c.encode(items, forKey: .items)
        try c.encode(date, forKey: .date)
        try c.encode(kind, forKey: .kind)
        try c.encode(employees, forKey: .employees)
        try c.encode(location, forKey: .location)
        try c.encode(url, forKey: .url)
        try c.encode(receivedDate, forKey: .receivedDate)
        try c.encode(effectiveDate, forKey: .effectiveDate)
    }
}
