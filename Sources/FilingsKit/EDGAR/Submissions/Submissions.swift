import FilingsModel
import Foundation

/// A parsed `data.sec.gov/submissions/CIK##########.json`: the company and its recent filings.
public struct Submissions: Sendable {
    /// The filer: CIK, name, tickers, exchanges, former names.
    public var company: Company
    /// `operating`, `other` (individuals, some foreign filers), ... when given.
    public var entityType: String?
    /// The `filings.recent` rows (about the last 1,000 filings), newest first as EDGAR sends them.
    public var filings: [SubmissionFiling]
    /// File names of the older pages in `filings.files` (`CIK0000320193-submissions-001.json`).
    public var pages: [String]
    /// Rows skipped and columns missing or of unequal length, in words.
    public var issues: [String]

    /// Creates a value from its parts.
    public init(
        company: Company, entityType: String? = nil, filings: [SubmissionFiling], pages: [String] = [],
        issues: [String] = []
    ) {
        self.company = company
        self.entityType = entityType
        self.filings = filings
        self.pages = pages
        self.issues = issues
    }
}
