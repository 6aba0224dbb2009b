import FilingsFormats
import FilingsModel
import Foundation

/// Company-name normalization shared by resolution (`watch`) and matching (WARN, ERM).
public enum CompanyName {
    /// Legal-form words dropped from the end of a name: "Meta Platforms, Inc." and "META PLATFORMS INC" are one name.
    static let legalSuffixes: Set<String> = [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "l l c",
        "plc", "lp", "l p", "llp", "sa", "s a", "ag", "nv", "n v", "se", "gmbh", "bv", "b v", "ab", "asa",
        "spa", "s p a", "srl", "sas", "oyj", "holding", "the",
    ]

    /// Lowercased words of `name` with punctuation, entities, EDGAR state tags (`/DE/`, `\PA\`) and legal suffixes removed.
    public static func words(_ name: String) -> [String] {
        var text = HTMLText.decodeEntities(name)
        // EDGAR appends the state of incorporation as /DE/ or \PA\; it is not part of the name.
        text = text.replacingOccurrences(of: #"\s*[/\\][A-Za-z]{2,3}[/\\]?\s*$"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "&", with: " and ")
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "." {
                continue  // "Macy's" -> "macys", "U.S." -> "us"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while words.count > 1 {
            if let last = words.last, legalSuffixes.contains(last) {
                words.removeLast()
            } else if words.count > 2, legalSuffixes.contains(words.suffix(2).joined(separator: " ")) {
                words.removeLast(2)
            } else {
                break
            }
        }
        return words
    }

    /// The normalized form used as a lookup key: `words` joined by single spaces.
    public static func normalize(_ name: String) -> String {
        ASCIINameNormalizer.normalize(name) ?? words(name).joined(separator: " ")
    }

    /// Appends `normalize` of the UTF-8 `name` to `output`, without making strings for an ASCII name.
    static func normalize(_ name: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
        guard !ASCIINameNormalizer.normalize(name, appendingTo: &output) else { return }
        output.append(contentsOf: normalize(String(decoding: name, as: UTF8.self)).utf8)
    }

    /// True when every word of `needle` appears in `haystack` as a run of whole words.
    public static func containsWords(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }
}
