import Foundation

/// `CompanyName.normalize` for plain ASCII names without HTML entities, nearly all EDGAR names,
/// at byte level: the general normalizer's regular expressions and Unicode folding cost more than
/// storing a filing, and a quarter's backfill or a ticker map normalizes tens of thousands of names.
/// A test holds it to the general result over every name of the real indexes.
enum ASCIINameNormalizer {
    /// The normalized key of `name`, or nil when it is not plain ASCII (the general path applies).
    static func normalize(_ name: String) -> String? {
        let fast = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }), !mayHoldEntity(bytes) else { return nil }
            return normalizeASCII(bytes)
        }
        return fast ?? nil
    }

    /// `decodeEntities` only rewrites `&...;` sequences.
    private static func mayHoldEntity(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains(UInt8(ascii: "&")) && bytes.contains(UInt8(ascii: ";"))
    }

    private static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let end = endWithoutStateTag(bytes)
        var words: [String] = []
        var current: [UInt8] = []
        func finishWord() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for index in 0..<end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 0x20)
            case UInt8(ascii: "'"), UInt8(ascii: "."):
                continue  // "Macy's" -> "macys", "U.S." -> "us"
            case UInt8(ascii: "&"):
                finishWord()
                words.append("and")
            default:
                finishWord()
            }
        }
        finishWord()
        return dropLegalWords(words).joined(separator: " ")
    }

    /// Where the name ends once a trailing state tag (`/DE/`, `\PA\`, `/NV`) is cut, as the
    /// general normalizer's `\s*[/\\][A-Za-z]{2,3}[/\\]?\s*$` does.
    private static func endWithoutStateTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        if end > 0, isSlash(bytes[end - 1]) { end -= 1 }
        var letters = 0
        while end - letters > 0, isLetter(bytes[end - letters - 1]) { letters += 1 }
        let slash = end - letters - 1
        guard (2...3).contains(letters), slash >= 0, isSlash(bytes[slash]) else { return bytes.count }
        return slash
    }

    /// The general normalizer's edits of the word list: a leading "the" and trailing legal forms go.
    private static func dropLegalWords(_ input: [String]) -> [String] {
        var words = input
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while words.count > 1 {
            if let last = words.last, CompanyName.legalSuffixes.contains(last) {
                words.removeLast()
            } else if words.count > 2, CompanyName.legalSuffixes.contains(words.suffix(2).joined(separator: " ")) {
                words.removeLast(2)
            } else {
                break
            }
        }
        return words
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    private static func isSlash(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
}
