import FilingsFormats
import FilingsModel
import Foundation

/// Cleaning of the text fields and dates found in WARN reports.
enum WarnText {
    /// Entities decoded, line breaks and runs of whitespace collapsed to one space, trimmed.
    static func clean(_ text: String) -> String {
        collapse(HTMLText.decodeEntities(text))
    }

    /// Runs of whitespace (line breaks included) collapsed to one space, trimmed.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `M/D/YYYY`, `M/D/YY` (20YY) or ISO `YYYY-MM-DD` as ISO; nil for anything else or impossible dates.
    static func isoDate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let year: Int, month: Int, day: Int
        let slash = trimmed.split(separator: "/")
        let dash = trimmed.split(separator: "-")
        if slash.count == 3, let m = Int(slash[0]), let d = Int(slash[1]), let y = Int(slash[2]), slash[2].count == 4 || slash[2].count == 2 {
            (year, month, day) = (slash[2].count == 2 ? 2000 + y : y, m, d)
        } else if dash.count == 3, dash[0].count == 4, let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            (year, month, day) = (y, m, d)
        } else {
            return nil
        }
        guard (1900...2999).contains(year) else { return nil }
        return Day(year: year, month: month, day: day)?.iso
    }

    /// A head count such as `63` or `1,234`; nil for anything else.
    static func count(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
    }

    /// The city of a workbook address: the part before "CA <zip>", after the last run of two spaces
    /// (EDD separates street and city that way) or else after the last comma.
    static func city(fromAddress address: String) -> String? {
        guard let stateRange = address.range(of: #"[\s,]+CA\.?\s*(\d{5}(-\d{4})?)?\s*$"#, options: [.regularExpression, .caseInsensitive]) else {
            return nil
        }
        let head = String(address[..<stateRange.lowerBound])
        let parts: [String]
        if head.range(of: #"\s{2,}"#, options: .regularExpression) != nil {
            parts = head.components(separatedBy: "  ")
        } else {
            parts = head.components(separatedBy: ",")
        }
        guard parts.count > 1, let last = parts.last else { return nil }
        let city = collapse(last)
        return city.isEmpty || city.first?.isNumber == true ? nil : city
    }

    /// The city of an address whose street and city are run together with single spaces
    /// ("15420 Laguna Canyon Road Suite 100 Irvine CA 92618"): the longest final run of up to four
    /// words that is a city seen elsewhere in the same report (`knownCities`, lowercased).
    static func city(fromAddress address: String, knownCities: Set<String>) -> String? {
        guard let stateRange = address.range(of: #"[\s,]+CA\.?\s*(\d{5}(-\d{4})?)?\s*$"#, options: [.regularExpression, .caseInsensitive]) else {
            return nil
        }
        let words = address[..<stateRange.lowerBound].split(whereSeparator: { $0.isWhitespace || $0 == "," })
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            let candidate = words.suffix(length).joined(separator: " ")
            if knownCities.contains(candidate.lowercased()) { return candidate }
        }
        return nil
    }
}
