import Foundation

/// A calendar day, as EDGAR and the WARN reports count them (no time zone of its own).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD` (or `YYYYMMDD`); nil when it is not a real date.
    public init?(_ text: String) {
        let digits = text.filter(\.isNumber)
        guard digits.count == 8, text.count == 8 || text.count == 10,
            let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)), let d = Int(digits.suffix(2))
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day with these numbers; nil when there is no such day (a 30 February, a month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(days: Int((local / 86_400).rounded(.down)))
    }

    /// Day number `days` (days since 1970-01-01).
    private init(days: Int) {
        (year, month, day) = CivilCalendar.date(days: days)
    }

    /// Days since 1970-01-01.
    private var days: Int { CivilCalendar.days(year: year, month: month, day: day) }

    /// Midnight UTC at the start of this day.
    public var start: Date { Date(timeIntervalSince1970: Double(days) * 86_400) }

    /// `YYYY-MM-DD`.
    public var iso: String { text(separator: UInt8(ascii: "-")) }
    /// `YYYYMMDD`, as in EDGAR's daily index names.
    public var compact: String { text(separator: nil) }
    public var description: String { iso }
    /// Calendar quarter, 1 to 4.
    public var quarter: Int { (month - 1) / 3 + 1 }
    /// True on Saturday and Sunday, when EDGAR disseminates nothing.
    public var isWeekend: Bool {
        let weekday = CivilCalendar.weekday(days: days)
        return weekday == 0 || weekday == 6
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        Day(days: days + count)
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

    private func text(separator: UInt8?) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(10)
        CivilCalendar.appendPadded(year, width: 4, to: &text)
        if let separator { text.append(separator) }
        CivilCalendar.appendPadded(month, width: 2, to: &text)
        if let separator { text.append(separator) }
        CivilCalendar.appendPadded(day, width: 2, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension TimeZone {
    /// New York time, in which EDGAR's calendar runs.
    public static let eastern = TimeZone(identifier: "America/New_York") ?? TimeZone(secondsFromGMT: -5 * 3600) ?? .current
}
