import Foundation

/// A calendar day, as EDGAR and the WARN reports count them (no time zone of its own).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        return calendar
    }()

    /// Parses `YYYY-MM-DD` (or `YYYYMMDD`); nil when it is not a real date.
    public init?(_ text: String) {
        let digits = text.filter(\.isNumber)
        guard digits.count == 8, text.count == 8 || text.count == 10,
            let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)), let d = Int(digits.suffix(2)),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = Day.calendar.date(from: components),
            Day.calendar.component(.day, from: date) == d
        else { return nil }
        year = y
        month = m
        day = d
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        year = c.year ?? 1970
        month = c.month ?? 1
        day = c.day ?? 1
    }

    /// Midnight UTC at the start of this day.
    public var start: Date {
        Day.calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// `YYYY-MM-DD`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `YYYYMMDD`, as in EDGAR's daily index names.
    public var compact: String { String(format: "%04d%02d%02d", year, month, day) }
    public var description: String { iso }
    /// Calendar quarter, 1 to 4.
    public var quarter: Int { (month - 1) / 3 + 1 }
    /// True on Saturday and Sunday, when EDGAR disseminates nothing.
    public var isWeekend: Bool {
        let weekday = Day.calendar.component(.weekday, from: start)
        return weekday == 1 || weekday == 7
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        Day(start.addingTimeInterval(Double(count) * 86_400 + 3_600), in: TimeZone(identifier: "UTC") ?? .current)
    }

    /// Every day from `first` through `last`, in order.
    public static func range(_ first: Day, _ last: Day) -> [Day] {
        var days: [Day] = []
        var day = first
        while day <= last {
            days.append(day)
            day = day.adding(days: 1)
        }
        return days
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension TimeZone {
    /// New York time, in which EDGAR's calendar runs.
    public static let eastern = TimeZone(identifier: "America/New_York") ?? TimeZone(secondsFromGMT: -5 * 3600) ?? .current
}
