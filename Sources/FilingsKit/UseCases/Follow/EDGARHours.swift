import FilingsModel
import Foundation

/// When EDGAR accepts filings (06:00-22:00 Eastern, Monday to Friday but federal holidays), and how often to poll the feed.
public struct EDGARHours: Sendable {
    /// The interval during EDGAR's hours.
    public var interval: TimeInterval
    /// The interval outside them, on weekends and on federal holidays (never shorter than `interval`).
    public var offHoursInterval: TimeInterval

    /// The default off-hours interval: 10 minutes.
    public static let defaultOffHours: TimeInterval = 600
    /// The shortest interval allowed toward SEC.
    public static let shortest: TimeInterval = 10

    /// Polling every `interval` seconds in hours and every `offHoursInterval` (at least `interval`) outside them.
    public init(interval: TimeInterval, offHoursInterval: TimeInterval = EDGARHours.defaultOffHours) {
        self.interval = interval
        self.offHoursInterval = max(interval, offHoursInterval)
    }

    /// True from 06:00 to 22:00 Eastern on a weekday that is no federal holiday.
    public static func isOpen(_ date: Date) -> Bool {
        let day = Day(date, in: .eastern)
        guard day.isEDGARBusinessDay else { return false }
        let hour = secondsIntoDay(date) / 3600
        return hour >= 6 && hour < 22
    }

    /// Seconds since midnight Eastern.
    static func secondsIntoDay(_ date: Date) -> Int {
        let local = date.timeIntervalSince1970 + Double(TimeZone.eastern.secondsFromGMT(for: date))
        return Int(local.truncatingRemainder(dividingBy: 86_400).rounded(.down) + (local < 0 ? 86_400 : 0))
    }

    /// 06:00 Eastern of the day `date` falls on.
    static func opening(of date: Date) -> Date {
        date.addingTimeInterval(TimeInterval(6 * 3600 - secondsIntoDay(date)))
    }

    /// How long to wait after a poll at `date`: the interval in hours; outside them the longer one, but
    /// never past the next opening by more than `interval`, so the day's first filings are seen at once.
    public func delay(after date: Date) -> TimeInterval {
        if EDGARHours.isOpen(date) { return interval }
        var next = EDGARHours.opening(of: date)
        while next <= date || !Day(next, in: .eastern).isEDGARBusinessDay { next = next.addingTimeInterval(86_400) }
        return max(interval, min(offHoursInterval, next.timeIntervalSince(date)))
    }

    /// True when the feed's newest entry (`newest`) is over an hour old at `date`, counting only EDGAR's hours of that day.
    public static func isStale(newest: Date?, at date: Date) -> Bool {
        guard isOpen(date) else { return false }
        let since = max(newest ?? .distantPast, opening(of: date))
        return date.timeIntervalSince(since) > 3600
    }
}
