import Foundation

/// `CompanyName.normalize` for plain ASCII names without HTML entities, nearly all EDGAR names,
/// at byte level: the general normalizer's regular expressions and Unicode folding cost more than
/// storing a filing, and a quarter's backfill or a ticker map normalizes tens of thousands of names.
/// A test holds it to the general result over every name of the real indexes.
enum ASCIINameNormalizer {
    /// The normalized key of `name`, or nil when it is not plain ASCII (the general path applies).
    static func normalize(_ name: String) -> String? {
        let fast = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var output: [UInt8] = []
            guard normalize(bytes, appendingTo: &output) else { return nil }
            return String(decoding: output, as: UTF8.self)
        }
        return fast ?? nil
    }

    /// Appends the normalized key of the UTF-8 `name` to `output` and returns true; returns false,
    /// appending nothing, when the name is not plain ASCII. No string is made but for a legal-word check.
    static func normalize(_ name: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Bool {
        guard name.allSatisfy({ $0 < 0x80 }), !mayHoldEntity(name) else { return false }
        let base = output.count
        let end = endWithoutStateTag(name)
        // Words go to `output` lowercased, one space apart; each '&' adds at most one word.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: end + 1) { starts in
            var count = 0
            var inWord = false
            func startWord() {
                guard !inWord else { return }
                if count > 0 { output.append(UInt8(ascii: " ")) }
                starts[count] = output.count
                count += 1
                inWord = true
            }
            for index in 0..<end {
                let byte = name[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    startWord()
                    output.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    startWord()
                    output.append(byte + 0x20)
                case UInt8(ascii: "'"), UInt8(ascii: "."):
                    continue  // "Macy's" -> "macys", "U.S." -> "us"
                case UInt8(ascii: "&"):
                    inWord = false
                    startWord()
                    output.append(contentsOf: "and".utf8)
                    inWord = false
                default:
                    inWord = false
                }
            }
            let kept = keptWords(starts: UnsafeBufferPointer(rebasing: starts[0..<count]), in: output)
            output.removeSubrange(kept.upperBound...)
            output.removeSubrange(base..<kept.lowerBound)
        }
        return true
    }

    /// `output` from the first word's start to the last word's end, once the general normalizer's
    /// edits of the word list are made: a leading "the" and trailing legal forms go.
    private static func keptWords(starts: UnsafeBufferPointer<Int>, in output: [UInt8]) -> Range<Int> {
        guard !starts.isEmpty else { return output.count..<output.count }
        // Word i ends one byte (a space) before word i + 1 starts.
        func end(_ word: Int) -> Int { word + 1 < starts.count ? starts[word + 1] - 1 : output.count }
        func text(_ words: Range<Int>) -> String {
            String(decoding: output[starts[words.lowerBound]..<end(words.upperBound - 1)], as: UTF8.self)
        }
        var first = 0
        var last = starts.count
        if last > 1, text(0..<1) == "the" { first = 1 }
        while last - first > 1 {
            if CompanyName.legalSuffixes.contains(text((last - 1)..<last)) {
                last -= 1
            } else if last - first > 2, CompanyName.legalSuffixes.contains(text((last - 2)..<last)) {
                last -= 2
            } else {
                break
            }
        }
        return starts[first]..<end(last - 1)
    }

    /// `decodeEntities` only rewrites `&...;` sequences.
    private static func mayHoldEntity(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains(UInt8(ascii: "&")) && bytes.contains(UInt8(ascii: ";"))
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

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    private static func isSlash(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
}
