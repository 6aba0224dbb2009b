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

    /// One document in the filing's folder (an exhibit), by its file name.
    static func document(feed: FeedDefinition, cik: Int64, accession: String, fileName: String) throws -> URL {
        var values = values(cik, accession)
        // A file name from an index page is used only as a name: never a path out of the folder.
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        values["fileName"] = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
        return try feed.url("archives", "filingDocument", values)
    }

    private static func values(_ cik: Int64, _ accession: String) -> [String: String] {
        ["cik": String(cik), "accession": accession, "accessionDigits": accession.filter(\.isNumber)]
    }
}
