import FilingsModel
import Foundation

/// Builds the EDGAR URLs of one filing from the feed's templates.
enum FilingURL {
    /// The filing's `-index.htm` page.
    static func index(feed: FeedDefinition, cik: Int64, accession: String) throws -> URL {
        try feed.url("archives", "filingIndex", values(cik, accession))
    }

    /// The full submission `.txt`.
    static func text(feed: FeedDefinition, cik: Int64, accession: String) throws -> URL {
        try feed.url("archives", "filingText", values(cik, accession))
    }

    private static func values(_ cik: Int64, _ accession: String) -> [String: String] {
        ["cik": String(cik), "accession": accession, "accessionDigits": accession.filter(\.isNumber)]
    }
}
