import Foundation

/// Spans of ISO days a source speaks for, as `check` weighs them against a window.
enum DaySpans {
    typealias Span = (from: String, until: String)

    /// The spans sorted, and merged where they overlap or touch (one ends the day before the next starts).
    static func merged(_ spans: [Span]) -> [Span] {
        var merged: [Span] = []
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if let last = merged.last, let end = Day(last.until), let start = Day(span.from), start <= end.adding(days: 1) {
                merged[merged.count - 1].until = max(last.until, span.until)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// True when one merged span holds the whole window.
    static func covers(_ spans: [Span], since: Day, until: Day) -> Bool {
        spans.contains { $0.from <= since.iso && $0.until >= until.iso }
    }
}
