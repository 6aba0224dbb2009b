import Foundation

/// Builds mail header fields that are pure ASCII, folded to lines of at most 76 characters,
/// with non-ASCII text as RFC 2047 encoded-words. Text reaches a header only through here.
enum HeaderEncoding {
    /// The line length aimed at (RFC 5322 recommends 78; 76 leaves room for clients that quote).
    static let lineLimit = 76
    /// UTF-8 bytes per encoded-word: 39 bytes make 52 base64 characters, a 64-character word
    /// that fits after the longest header name we write (`Subject: `).
    static let bytesPerEncodedWord = 39
    /// A plain word longer than this cannot be folded to fit, so the text is encoded instead.
    static let longestPlainWord = 60

    /// `Name: token token ...`, folded before a token that would pass ``lineLimit``.
    static func fold(name: String, tokens: [String]) -> String {
        var lines: [String] = []
        var line = "\(name):"
        var lineHasToken = false
        for token in tokens {
            if lineHasToken, line.utf8.count + 1 + token.utf8.count > lineLimit {
                lines.append(line)
                line = " " + token
            } else {
                line += " " + token
            }
            lineHasToken = true
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// The tokens of an unstructured field (Subject): its words when it is plain printable
    /// ASCII, else encoded-words. `text` must already be one sanitized line.
    static func unstructuredTokens(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        let plain = text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            && !text.contains("=?")
            && words.allSatisfy { $0.utf8.count <= longestPlainWord }
        return plain ? words : encodedWords(text)
    }

    /// The tokens of a display name: atoms, one quoted-string, or encoded-words.
    static func phraseTokens(_ name: String) -> [String] {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        let isPrintableASCII = name.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        guard isPrintableASCII, !name.contains("=?") else { return encodedWords(name) }
        let words = name.split(separator: " ").map(String.init)
        if words.allSatisfy({ $0.allSatisfy(atext.contains) && $0.utf8.count <= longestPlainWord }) {
            return words
        }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return quoted.utf8.count <= longestPlainWord ? [quoted] : encodedWords(name)
    }

    /// `text` as `=?UTF-8?B?...?=` words of at most ``bytesPerEncodedWord`` bytes each, never
    /// splitting a character (or, for an oversized character, a Unicode scalar) across words.
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [[UInt8]] = []
        var chunk: [UInt8] = []
        func add(_ bytes: [UInt8]) {
            if chunk.count + bytes.count > bytesPerEncodedWord, !chunk.isEmpty {
                chunks.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= bytesPerEncodedWord {
                add(bytes)
            } else {
                for scalar in character.unicodeScalars { add(Array(String(scalar).utf8)) }
            }
        }
        if !chunk.isEmpty { chunks.append(chunk) }
        return chunks.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }
    }
}
