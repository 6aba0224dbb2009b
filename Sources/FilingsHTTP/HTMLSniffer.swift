import FilingsFormats
import Foundation

/// Recognises an HTML page by its first bytes, whatever its Content-Type claims, and reads its title.
enum HTMLSniffer {
    private static let openings = ["<!doctype html", "<html", "<head"]

    /// True when the first non-blank bytes (after any UTF-8 byte order mark) open an HTML document.
    static func isHTML(_ body: Data) -> Bool {
        var start = body.prefix(512)
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
        start = start.drop { byte in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let head = String(decoding: start.prefix(16), as: UTF8.self).lowercased()
        return openings.contains { head.hasPrefix($0) }
    }

    /// The text of the page's `<title>`, entities decoded and whitespace collapsed; empty when there is none.
    static func title(_ body: Data) -> String {
        let text = String(decoding: body.prefix(65_536), as: UTF8.self)
        guard let open = text.range(of: "<title", options: .caseInsensitive),
              let openEnd = text.range(of: ">", range: open.upperBound..<text.endIndex),
              let close = text.range(of: "</title", options: .caseInsensitive, range: openEnd.upperBound..<text.endIndex)
        else { return "" }
        let raw = HTMLText.decodeEntities(String(text[openEnd.upperBound..<close.lowerBound]))
        return raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
