import FilingsModel
import Foundation

/// What an EDGAR submission header says about a filing.
public struct SECHeader: Sendable, Equatable, Codable {
    /// The accession number, `0001628280-25-058337`.
    public var accession: String
    /// The submission type, `8-K`.
    public var form: String
    /// The filing date, ISO `YYYY-MM-DD`.
    public var filedAsOf: String
    /// When EDGAR accepted the filing, Eastern time as given (`2025-12-19T17:00:37`); absent before 2001.
    public var acceptedAt: String?
    /// The period of report (the event date for an 8-K), ISO.
    public var period: String?
    /// 8-K item codes (`5.02`, or `legacy-5` before 2004-08-23); empty for forms outside the 8-K family.
    public var itemCodes: [String]
    /// The items exactly as the header gives them (codes or titles), for any form.
    public var rawItems: [String]
    /// Every company or person named in the header, in order.
    public var filers: [SECFiler]

    /// Creates a header.
    public init(
        accession: String, form: String, filedAsOf: String, acceptedAt: String?, period: String?,
        itemCodes: [String], rawItems: [String], filers: [SECFiler]
    ) {
        self.accession = accession
        self.form = form
        self.filedAsOf = filedAsOf
        self.acceptedAt = acceptedAt
        self.period = period
        self.itemCodes = itemCodes
        self.rawItems = rawItems
        self.filers = filers
    }

    /// True for 8-K, 8-K/A and the other 8-K variants.
    public var isEightKFamily: Bool { EightKItems.isEightKFamily(form) }
}

/// A company or person in a submission header.
public struct SECFiler: Sendable, Equatable, Codable {
    /// The Central Index Key.
    public var cik: Int64
    /// The conformed name.
    public var name: String
    /// The header section it appears in: `FILER`, `SUBJECT COMPANY`, `REPORTING-OWNER`, `ISSUER`, ...
    public var role: String
    /// Earlier names, newest first as EDGAR lists them; `to` is EDGAR's "date of name change".
    public var formerNames: [FormerName]

    /// Creates a filer.
    public init(cik: Int64, name: String, role: String, formerNames: [FormerName]) {
        self.cik = cik
        self.name = name
        self.role = role
        self.formerNames = formerNames
    }
}
