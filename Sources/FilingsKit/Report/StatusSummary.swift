import FilingsFormats
import FilingsModel
import Foundation

/// What `filings status` prints: per feed, when it last worked, what it holds, what fails now.
public enum StatusSummary {
    /// One block per feed, then the SEC ban when one is in force.
    public static func text(_ statuses: [SourceStatus], secBanUntil: Date?) -> String {
        var lines: [String] = []
        for status in statuses {
            let suspect = status.failing.filter(\.suspect).count
            let health = status.failing.isEmpty
                ? (status.lastSuccess == nil ? "never synced" : "ok")
                : "\(status.failing.count) failing" + (suspect == 0 ? "" : " (\(suspect) suspect: earlier rows kept)")
            lines.append("\(status.feed) (\(status.title)): \(health)")
            lines.append("  last success: \(status.lastSuccess.map(stamp) ?? "never"); last attempt: \(status.lastAttempt.map(stamp) ?? "never")")
            lines.append("  \(status.unitsOK) units stored (\(status.rows) rows), \(status.unitsMissing) without a file")
            if !status.covered.isEmpty {
                let spans = status.covered.count > 6
                    ? status.covered.prefix(3).joined(separator: ", ") + ", … (\(status.covered.count - 5) more), "
                        + status.covered.suffix(2).joined(separator: ", ")
                    : status.covered.joined(separator: ", ")
                lines.append("  covers: \(spans)")
            }
            for failure in status.failing.prefix(5) {
                lines.append("  \(failure.suspect ? "suspect" : "failing"): \(TextSanitizer.singleLine(failure.unit)) (last tried \(stamp(failure.lastTried))): \(TextSanitizer.singleLine(failure.detail))")
            }
            if status.failing.count > 5 { lines.append("  … and \(status.failing.count - 5) more failing (use --json)") }
        }
        if let until = secBanUntil { lines.append("SEC requests are paused until \(stamp(until)) (a rate limit was hit); every process honours it") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The statuses as JSON: dates in ISO 8601, UTC.
    public static func json(_ statuses: [SourceStatus], secBanUntil: Date?) throws -> String {
        struct Failure: Encodable {
            var unit, lastTried, detail: String
            /// `failed`, or `suspect` (read, far fewer rows than before; the earlier rows kept).
            var status: String
        }
        struct Feed: Encodable {
            var feed, source, title: String
            var lastSuccess, lastAttempt: String?
            var unitsOK, unitsMissing, rows: Int
            var covered: [String]
            var failing: [Failure]
        }
        struct Status: Encodable {
            var sources: [Feed]
            var secBanUntil: String?
        }
        let feeds = statuses.map { status in
            Feed(
                feed: status.feed, source: status.source.rawValue, title: status.title, lastSuccess: status.lastSuccess.map(stamp),
                lastAttempt: status.lastAttempt.map(stamp), unitsOK: status.unitsOK, unitsMissing: status.unitsMissing, rows: status.rows,
                covered: status.covered,
                failing: status.failing.map { Failure(unit: $0.unit, lastTried: stamp($0.lastTried), detail: $0.detail, status: $0.suspect ? "suspect" : "failed") })
        }
        return try Listing.json(Status(sources: feeds, secBanUntil: secBanUntil.map(stamp)))
    }

    private static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
