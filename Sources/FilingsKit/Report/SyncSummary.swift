import FilingsFormats
import FilingsModel
import Foundation

/// The lines `filings sync` prints about each feed.
public enum SyncSummary {
    /// One line per feed, then one line per failure.
    public static func text(_ reports: [FeedReport]) -> String {
        var lines: [String] = []
        for report in reports {
            var parts = ["\(report.feed): \(report.failed ? "FAILED" : "ok")"]
            parts.append("\(report.fetched.count) fetched")
            if !report.unchanged.isEmpty { parts.append("\(report.unchanged.count) unchanged") }
            if !report.missing.isEmpty { parts.append("\(report.missing.count) without a file") }
            parts.append("\(report.recordsStored) new records")
            parts.append("\(report.eventsRaised) new events")
            if report.malformedRows > 0 { parts.append("\(report.malformedRows) malformed rows skipped") }
            lines.append(parts.joined(separator: ", "))
            lines += report.failures.map { "  \(report.feed) failed: \(TextSanitizer.singleLine($0)) (retried next sync)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
