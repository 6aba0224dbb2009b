import FilingsModel
import Foundation
import GRDB

/// Dates as GRDB stores them, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, written by arithmetic: GRDB's own
/// `DateFormatter` loads ICU's calendar and locale data the first time, about a millisecond of any
/// command that stores a date.
enum DatabaseTimestamp {
    /// Milliseconds since 1970 of 1600-01-01 and of 10000-01-01: outside them GRDB's formatter
    /// (Julian calendar before 1582, more than four digits after 9999) writes what it writes.
    private static let handled = -11_676_096_000_000.0..<253_402_300_800_000.0

    /// The text GRDB stores for `date`.
    static func text(_ date: Date) -> String {
        // To the nearest millisecond, as Core Foundation hands dates to ICU, with the same arithmetic.
        let milliseconds = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down)
        guard handled.contains(milliseconds) else { return String.fromDatabaseValue(date.databaseValue) ?? "" }
        let total = Int(milliseconds)
        let days = total >= 0 ? total / 86_400_000 : (total - 86_399_999) / 86_400_000
        let ofDay = total - days * 86_400_000
        let (year, month, day) = CivilCalendar.date(days: days)
        var text: [UInt8] = []
        text.reserveCapacity(23)
        for (value, width, separator) in [
            (year, 4, "-"), (month, 2, "-"), (day, 2, " "), (ofDay / 3_600_000, 2, ":"), (ofDay / 60_000 % 60, 2, ":"),
            (ofDay / 1000 % 60, 2, "."), (ofDay % 1000, 3, ""),
        ] {
            CivilCalendar.appendPadded(value, width: width, to: &text)
            text += separator.utf8
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A record whose dates are stored as `DatabaseTimestamp` writes them: the same text as GRDB's
/// default, without its formatter.
public protocol TimestampedRecord: EncodableRecord {}

extension TimestampedRecord {
    /// Every date column as `DatabaseTimestamp.text`.
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { DatabaseTimestamp.text($0) }
    }
}
