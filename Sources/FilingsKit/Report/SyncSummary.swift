import FilingsFormats
import FilingsModel
import Foundation

/// The lines `filings sync` prints about each feed.
public enum SyncSummary {
    /// One line per feed, then one line per new failure, standing gap and healed unit.
    public static func text(_ reports: [FeedReport]) -> String {
        var lines: [String] = []
        for report in reports {
            let standing = report.standing.count == 1 ? "1 standing gap" : "\(report.standing.count) standing gaps"
            var parts = ["\(report.feed): \(report.failed ? "FAILED" : report.standing.isEmpty ? "ok" : "ok but for \(standing)")"]
            parts.append("\(report.fetched.count) fetched")
            if !report.unchanged.isEmpty { parts.append("\(report.unchanged.count) unchanged") }
            if !report.missing.isEmpty { parts.append("\(report.missing.count) without a file") }
            parts.append("\(report.recordsStored) new records")
            parts.append("\(report.eventsRaised) new events")
            if report.malformedRows > 0 { parts.append("\(report.malformedRows) malformed rows skipped") }
            lines.append(parts.joined(separator: ", "))
            lines += report.failures.map { "  \(report.feed) failed: \(TextSanitizer.singleLine($0)) (retried next sync)" }
            lines += report.standing.map {
                "  \(report.feed) still failing as reported before: \(TextSanitizer.singleLine($0)) (a standing gap: retried each sync, not failing it again)"
            }
            lines += report.healed.map { "  \(report.feed) healed: \(TextSanitizer.singleLine($0)) stored after failing" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
