import Foundation

/// A parsed `CIK##########-submissions-NNN.json` page: older filings, without the company.
public struct SubmissionsPage: Sendable {
    /// The page's rows, newest first.
    public var filings: [SubmissionFiling]
    /// Rows skipped and columns missing or of unequal length, in words.
    public var issues: [String]

    /// Creates a page from its rows and issues.
    public init(filings: [SubmissionFiling], issues: [String] = []) {
        self.filings = filings
        self.issues = issues
    }
}
