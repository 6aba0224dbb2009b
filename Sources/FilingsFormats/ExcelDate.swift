import FilingsModel
import Foundation

/// Excel serial dates (1900 date system, as Windows Excel writes them).
public enum ExcelDate {
    /// The calendar date of a serial day number, or nil for serials before 1 or past 9999-12-31.
    ///
    /// Excel counts 1900-01-01 as day 1 and, to stay compatible with Lotus 1-2-3, pretends
    /// 1900-02-29 existed as day 60. Serials from 61 on are therefore one day ahead of a plain
    /// count. Day 60 is returned as the phantom 1900-02-29 that Excel displays.
    public static func dateComponents(fromSerial serial: Double) -> DateComponents? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }  // 9999-12-31
        let day = Int(serial.rounded(.down))
        if day == 60 {
            return DateComponents(year: 1900, month: 2, day: 29)
        }
        // Day 0 of the count is 1899-12-31; past the phantom leap day, subtract it.
        let offset = day < 60 ? day : day - 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        guard let base = calendar.date(from: DateComponents(year: 1899, month: 12, day: 31)),
              let date = calendar.date(byAdding: .day, value: offset, to: base) else { return nil }
        return calendar.dateComponents([.year, .month, .day], from: date)
    }

    /// The UTC midnight `Date` of a serial; nil for the phantom day 60 and out-of-range serials.
    public static func dateFromSerial(_ serial: Double) -> Date? {
        guard let components = dateComponents(fromSerial: serial), !(components.month == 2 && components.day == 29 && components.year == 1900) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)
    }

    /// `YYYY-MM-DD` of a serial (the phantom 1900-02-29 included, as Excel displays it).
    public static func isoDate(fromSerial serial: Double) -> String? {
        guard let components = dateComponents(fromSerial: serial),
              let year = components.year, let month = components.month, let day = components.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
