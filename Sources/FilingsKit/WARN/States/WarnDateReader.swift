import FilingsFormats
import FilingsModel
import Foundation

/// Reads the dates of a state's WARN file: its declared patterns first, then the forms every state uses.
struct WarnDateReader: Sendable {
    private let formatters: [DateFormatter]

    /// A reader trying `patterns` (Unicode date patterns) before the common forms.
    init(patterns: [String]) {
        formatters = patterns.map { pattern in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.dateFormat = pattern
            formatter.isLenient = false
            return formatter
        }
    }

    /// The ISO day of a cell: an Excel serial, a declared pattern, ISO or `M/D/YYYY` (a time after
    /// either ignored), else the first `M/D/YYYY` or `Month D, YYYY` inside the text. Nil when none,
    /// or when the day is impossible or outside 1980...2100 (a typo such as 2202 is not a date).
    func isoDate(_ cell: WarnCell) -> String? {
        if case .number(let serial) = cell {
            return ExcelDate.isoDate(fromSerial: serial).flatMap(plausible)
        }
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        for formatter in formatters {
            if let date = formatter.date(from: text) {
                let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
                // A two-digit year read by a four-digit pattern is year 26: try the next pattern.
                if let year = parts.year, let month = parts.month, let day = parts.day,
                    let iso = Day(year: year, month: month, day: day).map(\.iso).flatMap(plausible)
                {
                    return iso
                }
            }
        }
        let head = String(text.prefix { !$0.isWhitespace && $0 != "T" })
        if let iso = WarnText.isoDate(head) { return plausible(iso) }
        return embedded(text).flatMap(plausible)
    }

    /// The first `M/D/YYYY` or `Month D, YYYY` (or `Mon. D YYYY`) found inside longer text.
    private func embedded(_ text: String) -> String? {
        if let range = text.range(of: #"(?<![\d/])\d{1,2}/\d{1,2}/(\d{4}|\d{2})(?![\d/])"#, options: .regularExpression),
            let iso = WarnText.isoDate(String(text[range]))
        {
            return iso
        }
        let pattern = #"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b"#
        guard let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let words = text[range].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init)
        guard words.count >= 3, let month = Self.month(words[0]), let day = Int(words[1]), let year = Int(words[2]) else { return nil }
        return Day(year: year, month: month, day: day)?.iso
    }

    private static func month(_ word: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        return names.firstIndex(of: String(word.lowercased().prefix(3))).map { $0 + 1 }
    }

    private func plausible(_ iso: String) -> String? {
        guard let year = Int(iso.prefix(4)), (1980...2100).contains(year) else { return nil }
        return iso
    }
}
