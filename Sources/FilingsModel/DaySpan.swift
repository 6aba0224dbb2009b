import Foundation

/// A span of days, both ends included: a window asked about, or the days a source speaks for.
public struct DaySpan: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first day.
    public var from: Day
    /// The last day, never before `from`.
    public var until: Day

    /// A span from `from` through `until`; the ends are swapped when given in the wrong order.
    public init(_ from: Day, _ until: Day) {
        self.from = min(from, until)
        self.until = max(from, until)
    }

    /// A span from two ISO days, nil when either is not a valid day.
    public init?(from: String?, until: String?) {
        guard let from = from.flatMap(Day.init), let until = until.flatMap(Day.init) else { return nil }
        self.init(from, until)
    }

    /// One day.
    public init(_ day: Day) {
        self.init(day, day)
    }

    /// `2024-11-01..2024-11-30`.
    public var description: String { "\(from.iso)..\(until.iso)" }

    /// True when every day of `other` lies in this span.
    public func contains(_ other: DaySpan) -> Bool {
        from <= other.from && until >= other.until
    }

    /// True when `day` lies in this span.
    public func contains(_ day: Day) -> Bool {
        from <= day && day <= until
    }

    /// The spans sorted, and merged where they overlap or touch (one ends the day before the next starts).
    public static func merged(_ spans: [DaySpan]) -> [DaySpan] {
        var merged: [DaySpan] = []
        for span in spans.sorted() {
            if let last = merged.last, span.from <= last.until.adding(days: 1) {
                merged[merged.count - 1].until = max(last.until, span.until)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The parts of this span that none of `spans` holds, in order.
    public func gaps(in spans: [DaySpan]) -> [DaySpan] {
        var gaps: [DaySpan] = []
        var next = from
        for span in DaySpan.merged(spans) where span.until >= next && span.from <= until {
            if span.from > next { gaps.append(DaySpan(next, span.from.adding(days: -1))) }
            next = span.until.adding(days: 1)
            if next > until { return gaps }
        }
        gaps.append(DaySpan(next, until))
        return gaps
    }

    /// Earlier spans sort first; of two starting the same day, the shorter.
    public static func < (lhs: DaySpan, rhs: DaySpan) -> Bool {
        (lhs.from, lhs.until) < (rhs.from, rhs.until)
    }
}

extension [DaySpan] {
    /// True when one of the spans holds the whole of `window` (the spans merged first).
    public func cover(_ window: DaySpan) -> Bool {
        DaySpan.merged(self).contains { $0.contains(window) }
    }
}
