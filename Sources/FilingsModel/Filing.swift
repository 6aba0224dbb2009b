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

    /// Legacy items worth reading (8-Ks filed before 2004-08-23, items 1-12): 5 "Other Events" (read as 8.01 and for
    /// officer changes), 6 director resignations and 9 "Regulation FD Disclosure" (read as 7.01). EDGAR's submissions
    /// list gives them as bare numbers ("5,7"); the text reader writes `legacy-5`.
    public static let legacyItemsToRead: Set<String> = ["5", "6", "9", "legacy-5", "legacy-6", "legacy-9"]

    /// The first filing date of the modern item list (EightKItems.modernListStart, which this layer cannot see).
    static let modernItemsStart = "2004-08-23"

    /// True for an 8-K with an item worth reading.
    public var needsReading: Bool {
        guard isCurrentReport else { return false }
        let codes = Set(items ?? [])
        if !codes.isDisjoint(with: Filing.itemsToRead) { return true }
        return filingDate < Filing.modernItemsStart && !codes.isDisjoint(with: Filing.legacyItemsToRead)
    }

    /// True when `form` names an 8-K or an amendment of one.
    public static func isCurrentReportForm(_ form: String) -> Bool {
        form == "8-K" || form == "8-K/A"
    }

}
