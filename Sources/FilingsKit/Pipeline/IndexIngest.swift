import Foundation

/// The parse stage for EDGAR indexes: bytes in, 8-K family filings out.
enum IndexIngest {
    struct Result {
        var filings: [Filing]
        var malformed: Int
        var note: String?
    }

    /// Parses an index (any of master, form, company; daily or quarterly; gzip or not) keeping the 8-K family.
    static func filings(from data: Data, source: String, feed: FeedDefinition, now: Date, keepAll: Bool = false) throws -> Result {
        var filings: [Filing] = []
        var urlError: Error?
        let report = try EDGARIndexParser.parse(data, source: source, keepForm: { keepAll || Filing.isCurrentReportForm(String($0)) }) { entry in
            do {
                let url = try FilingURL.index(feed: feed, cik: entry.cik, accession: entry.accession)
                filings.append(entry.filing(url: url.absoluteString, source: source, fetchedAt: now))
            } catch {
                urlError = error
            }
        }
        if let urlError { throw urlError }
        let note = report.malformedCount > 0 ? "\(report.malformedCount) malformed rows skipped" : nil
        return Result(filings: filings, malformed: report.malformedCount, note: note)
    }
}
