import Foundation

/// One entry of EDGAR's latest-filings Atom feed: one filing as listed under one of its filers.
///
/// A filing with several filers (co-registrants, a Form 4's issuer and owner) is one entry per filer,
/// all with the same accession number.
public struct CurrentFeedEntry: Sendable, Equatable {
    /// The accession number, `0001628280-25-061001`.
    public var accession: String
    /// The filer this entry lists the filing under.
    public var cik: Int64
    /// The filer's name as the feed gives it.
    public var companyName: String
    /// The form type, `8-K`.
    public var form: String
    /// The filer's role in the title: `Filer`, `Issuer`, `Reporting`, `Subject`...
    public var role: String
    /// The filing date, ISO `YYYY-MM-DD`.
    public var filingDate: String
    /// When EDGAR accepted the filing (the entry's `updated`).
    public var updated: Date
    /// The filing's index page as the feed links it.
    public var link: String

    /// Creates an entry.
    public init(
        accession: String, cik: Int64, companyName: String, form: String, role: String, filingDate: String, updated: Date, link: String
    ) {
        self.accession = accession
        self.cik = cik
        self.companyName = companyName
        self.form = form
        self.role = role
        self.filingDate = filingDate
        self.updated = updated
        self.link = link
    }

    /// What identifies an entry in the feed: the accession and the filer it is listed under.
    public var key: String { "\(accession)/\(cik)" }
}

/// One page of the feed, newest entry first.
public struct CurrentFeedPage: Sendable, Equatable {
    /// The feed's `updated`, when it has one.
    public var updated: Date?
    public var entries: [CurrentFeedEntry]
    /// Entries that could not be read, with why (counted, never stored).
    public var skipped: [String]

    /// Creates a page.
    public init(updated: Date?, entries: [CurrentFeedEntry], skipped: [String] = []) {
        self.updated = updated
        self.entries = entries
        self.skipped = skipped
    }
}
