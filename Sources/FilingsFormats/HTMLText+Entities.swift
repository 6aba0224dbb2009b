import Foundation

extension HTMLText {
    /// Decodes the HTML entities that appear in names (`&amp;`, `&rsquo;`, `&#39;`).
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        let named: [String: String] = [
            "&amp;": "&", "&rsquo;": "\u{2019}", "&lsquo;": "\u{2018}", "&apos;": "'", "&quot;": "\"",
            "&ldquo;": "\u{201C}", "&rdquo;": "\u{201D}", "&nbsp;": " ", "&lt;": "<", "&gt;": ">",
            "&eacute;": "é", "&ndash;": "–", "&mdash;": "—",
        ]
        for (entity, value) in named {
            result = result.replacingOccurrences(of: entity, with: value, options: .caseInsensitive)
        }
        while let range = result.range(of: #"&#(x[0-9A-Fa-f]+|[0-9]+);"#, options: .regularExpression) {
            let body = result[range].dropFirst(2).dropLast()
            let value = body.first == "x" || body.first == "X" ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            let replacement = value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            result.replaceSubrange(range, with: replacement)
        }
        return result
    }
}
