import Foundation

/// One EDGAR submission, keyed by accession number.
public struct Filing: Codable, Sendable, Equatable {
    public var accession: String
    public var cik: Int64
    public var companyName: String
    public var form: String
    /// ISO date `YYYY-MM-DD`.
    public var filingDate: String
    /// Acceptance time as EDGAR gives it (Eastern), when known.
    public var acceptedAt: String?
    /// 8-K item codes such as `2.05`; nil while unknown (daily indexes carry none).
    public var items: [String]?
    public var primaryDocument: String?
    /// The filing's index page on EDGAR.
    public var url: String
    /// The URL or file the row was read from.
    public var source: String
    public var fetchedAt: Date

    public init(
        accession: String, cik: Int64, companyName: String, form: String, filingDate: String,
        acceptedAt: String? = nil, items: [String]? = nil, primaryDocument: String? = nil,
        url: String, source: String, fetchedAt: Date = Date()
    ) {
        self.accession = accession
        self.cik = cik
        self.companyName = companyName
        self.form = form
        self.filingDate = filingDate
        self.acceptedAt = acceptedAt
        self.items = items
        self.primaryDocument = primaryDocument
        self.url = url
        self.source = source
        self.fetchedAt = fetchedAt
    }

    /// True for 8-K and 8-K/A (and the 8-K12B family is excluded on purpose).
    public var isCurrentReport: Bool { Filing.isCurrentReportForm(form) }

    /// True when `form` names an 8-K or an amendment of one.
    public static func isCurrentReportForm(_ form: String) -> Bool {
        form == "8-K" || form == "8-K/A"
    }

    /// True when the form type at `range` of `bytes` names an 8-K or an amendment of one, decided
    /// without decoding it.
    static func isCurrentReportForm(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        ByteText.equals(bytes, range, "8-K") || ByteText.equals(bytes, range, "8-K/A")
    }
}
