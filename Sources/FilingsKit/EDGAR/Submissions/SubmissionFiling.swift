import FilingsModel
import Foundation

/// One row of a submissions JSON's columnar `filings` table.
public struct SubmissionFiling: Sendable, Equatable {
    /// The accession number, e.g. `0001193125-23-009934`.
    public var accession: String
    /// The form type, e.g. `8-K`.
    public var form: String
    /// ISO `YYYY-MM-DD`.
    public var filingDate: String
    /// ISO `YYYY-MM-DD`, when given.
    public var reportDate: String?
    /// As EDGAR writes it (`2023-01-18T14:15:37.000Z`; the `Z` is not always true).
    public var acceptanceDateTime: String?
    /// 8-K item codes (`["7.01", "9.01"]`) for the 8-K family only; nil for other forms, whose
    /// `items` column means other things (Form D `06b`, dates, accession numbers).
    public var items: [String]?
    /// The main document's file name in the filing folder, when given.
    public var primaryDocument: String?

    /// Creates a row from its fields.
    public init(
        accession: String, form: String, filingDate: String, reportDate: String? = nil,
        acceptanceDateTime: String? = nil, items: [String]? = nil, primaryDocument: String? = nil
    ) {
        self.accession = accession
        self.form = form
        self.filingDate = filingDate
        self.reportDate = reportDate
        self.acceptanceDateTime = acceptanceDateTime
        self.items = items
        self.primaryDocument = primaryDocument
    }

    /// True for 8-K and 8-K/A.
    public var isCurrentReport: Bool { Filing.isCurrentReportForm(form) }

    /// The row as a `Filing` of `cik`, linked to `url` (its index page, built from the feed).
    public func filing(cik: Int64, companyName: String, url: String, source: String, fetchedAt: Date = Date()) -> Filing {
        Filing(
            accession: accession, cik: cik, companyName: companyName, form: form, filingDate: filingDate,
            acceptedAt: acceptanceDateTime, items: items, primaryDocument: primaryDocument,
            url: url, source: source, fetchedAt: fetchedAt)
    }
}
