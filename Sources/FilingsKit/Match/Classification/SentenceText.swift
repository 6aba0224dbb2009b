import FilingsModel
import Foundation

/// Sentence splitting, pattern matching and date reading for the classifier.
enum SentenceText {
    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "ms", "mrs", "dr", "inc", "corp", "co", "ltd", "no", "jr", "sr", "st", "u.s", "vs", "e.g", "i.e",
        "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "n.a", "l.p",
        "plc", "llc", "s.a", "n.v", "messrs", "prof", "gen", "sec", "esq",
    ]

    /// The sentences of `text`. Text rendered from HTML has one paragraph per line, so a line
    /// break ends a sentence; hard-wrapped plain text (short lines) has its lines joined first.
    static func sentences(_ text: String) -> [String] {
        let lines = text.split(separator: "\n")
        let long = lines.filter { $0.count > 100 }.count
        let paragraphs = long * 3 >= lines.count ? lines.map(String.init) : [lines.joined(separator: " ")]
        return paragraphs.flatMap(sentencesOfParagraph)
    }

    static func sentencesOfParagraph(_ text: String) -> [String] {
        let flat = text.replacingOccurrences(of: "\t", with: " ")
        var sentences: [String] = []
        var current = ""
        let characters = Array(flat)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            if character == "." || character == "!" || character == "?" || character == ";" && current.count > 400 {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                let afterNext = index + 2 < characters.count ? characters[index + 2] : " "
                let lastWord = current.dropLast().split(separator: " ").last.map { $0.lowercased() } ?? ""
                let isInitial = lastWord.count == 1 && lastWord.first?.isLetter == true
                let endsHere = (next == " " || next == "\"" || next == "\u{201D}" || next == ")")
                    && (afterNext.isUppercase || afterNext == "\"" || afterNext == "\u{201C}" || afterNext == "(" || afterNext == " "
                        || afterNext.isNumber)
                if endsHere, !abbreviations.contains(lastWord.trimmingCharacters(in: CharacterSet(charactersIn: "(\"\u{201C}"))),
                    !isInitial
                {
                    sentences.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            }
            index += 1
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { sentences.append(last) }
        return sentences.map(collapseSpaces).filter { $0.count > 3 }
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A compiled case-insensitive pattern; the tables are fixed, so a bad one is a programming error caught by tests.
    static func regex(_ pattern: String, caseSensitive: Bool = false) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
    }

    /// The ranges (as `String.Index` ranges) of every match of `regex` in `text`.
    static func matches(_ regex: NSRegularExpression?, in text: String) -> [Range<String.Index>] {
        guard let regex else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }

    /// The range of the first match of `regex` in `text`, or nil.
    static func firstMatch(_ regex: NSRegularExpression?, in text: String) -> Range<String.Index>? {
        guard let regex, let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(match.range, in: text)
    }

    /// The first capture group `group` of the first match, or nil.
    static func firstCapture(_ regex: NSRegularExpression?, in text: String, group: Int = 1) -> String? {
        guard let regex, let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: group), in: text)
        else { return nil }
        return String(text[range])
    }

    static let monthNumbers: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    static let effectiveDate = regex(
        #"\beffective\b(?: (?:as of|on|at|upon|from))?(?: the close of business on| the end of the day on)? ((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{4})"#)
    static let departureDate = regex(
        #"\b(?:retire|retirement|resign|resignation|step down|depart|departure|leave|last day)\b[^.]{0,80}?\b(?:on(?: or about| or around)?|as of|effective)\s+((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2},? \d{4})"#)

    /// The effective date stated in `sentence`, ISO, or nil.
    static func effectiveDate(in sentence: String) -> String? {
        let found = firstCapture(effectiveDate, in: sentence) ?? firstCapture(departureDate, in: sentence)
        return found.flatMap(isoDate)
    }

    /// "March 31, 2023" or "3/31/2023" -> "2023-03-31".
    static func isoDate(_ text: String) -> String? {
        let parts = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "/" })
        guard parts.count == 3 else { return nil }
        let month: Int?
        let day: Int?
        if let named = monthNumbers[parts[0].lowercased()] {
            month = named
            day = Int(parts[1])
        } else {
            month = Int(parts[0])
            day = Int(parts[1])
        }
        // "February 31" is a typo in the filing: no date is better than a wrong one.
        guard let month, let day, let year = Int(parts[2]), (1900...2100).contains(year),
            let real = Day(year: year, month: month, day: day)
        else { return nil }
        return real.iso
    }

    /// `sentence` cut to about `limit` characters around `focus`, with ellipses where cut.
    static func quote(_ sentence: String, around focus: Range<String.Index>?, limit: Int = 300) -> String {
        guard sentence.count > limit else { return sentence }
        let focusOffset = focus.map { sentence.distance(from: sentence.startIndex, to: $0.lowerBound) } ?? 0
        let start = max(0, min(focusOffset - limit / 3, sentence.count - limit))
        let startIndex = sentence.index(sentence.startIndex, offsetBy: start)
        let endIndex = sentence.index(startIndex, offsetBy: limit)
        var cut = String(sentence[startIndex..<endIndex])
        if start > 0, let space = cut.firstIndex(of: " ") { cut = "…" + cut[cut.index(after: space)...] }
        if endIndex < sentence.endIndex, let space = cut.lastIndex(of: " ") { cut = cut[..<space] + "…" }
        return cut
    }
}
