import FilingsFormats
import FilingsModel
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
        return Result(filings: filings, malformed: report.malformedCount, note: note(report))
    }

    /// "N malformed rows skipped (first: line L: reason)", the reason made printable and short, since it quotes the file.
    static func note(_ report: IndexParseReport) -> String? {
        guard report.malformedCount > 0 else { return nil }
        let first = report.malformed.first.map { issue in
            let reason = TextSanitizer.singleLine(String(issue.reason.prefix(400)))
            return " (first: line \(issue.line): \(reason.count > 160 ? String(reason.prefix(160)) + "…" : reason))"
        }
        return "\(report.malformedCount) malformed rows skipped\(first ?? "")"
    }
}
