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

    /// The items worth reading: exit costs, officer changes, and the press-release items layoffs hide under.
    public static let itemsToRead: Set<String> = ["2.05", "5.02", "7.01", "8.01"]

    /// True for an 8-K with an item worth reading.
    public var needsReading: Bool {
        isCurrentReport && !Set(items ?? []).isDisjoint(with: Filing.itemsToRead)
    }

    /// True when `form` names an 8-K or an amendment of one.
    public static func isCurrentReportForm(_ form: String) -> Bool {
        form == "8-K" || form == "8-K/A"
    }

}
