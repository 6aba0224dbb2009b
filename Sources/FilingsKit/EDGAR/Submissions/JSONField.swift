import FilingsFormats
import Foundation

/// Lenient readers for values from `JSONSerialization`: EDGAR's JSON writes numbers as strings
/// in some files and strings as numbers in others, and uses null and "" for "none".
enum JSONField {
    /// Parses a JSON document with `JSONSerialization`, reporting bad JSON as `EDGARFormatError`.
    static func object(_ data: Data, source: String, expected: String) throws -> Any {
        guard let first = data.first(where: { $0 > 0x20 }) else { throw EDGARFormatError.empty(source: source) }
        if first == UInt8(ascii: "<") { throw EDGARFormatError.htmlPage(source: source) }
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: expected, found: "invalid JSON (\(error.localizedDescription))")
        }
    }

    /// A non-empty string, from a string or a number.
    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber:
            return number.stringValue
        default:
            return nil
        }
    }

    /// An integer, from a number or a string of digits (`"0000789019"`).
    static func int64(_ value: Any?) -> Int64? {
        switch value {
        case let number as NSNumber:
            let double = number.doubleValue
            guard double.rounded() == double, abs(double) < 1e15 else { return nil }
            return number.int64Value
        case let text as String:
            return Int64(text.trimmingCharacters(in: .whitespaces))
        default:
            return nil
        }
    }

    /// An ISO date `YYYY-MM-DD` from `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss...` or `YYYYMMDD`.
    static func isoDate(_ value: Any?) -> String? {
        guard let text = string(value) else { return nil }
        let bytes = Array(text.utf8.prefix(10))
        return bytes.withUnsafeBufferPointer { buffer in
            ByteText.isoDate(buffer, 0..<buffer.count) ?? ByteText.isoDate(buffer, 0..<min(8, buffer.count))
        }
    }

    /// The strings of an array, skipping nulls and non-strings.
    static func strings(_ value: Any?) -> [String] {
        (value as? [Any])?.compactMap { string($0) } ?? []
    }
}
