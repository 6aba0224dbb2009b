import FilingsFormats
import Foundation

/// Finds the item sections of an 8-K's plain text (see `HTMLText.plainText`).
public enum ItemSections {
    /// A heading line: "Item 5.02", "ITEM 5.02.", "Items 5.02 and 7.01", "Item 5.02(b)", "Item 5.02 – Departure".
    static let modernHeading = try? NSRegularExpression(
        pattern: #"^[\s*•\-–—(\[]{0,4}items?[\s\x{00A0}]*((?:\d{1,2}[\s]?\.[\s]?\d{1,2}(?:\s?\([a-f]\))*(?:[\s,&/]+(?:and[\s]+)?(?=\d|\())?)+)"#,
        options: [.caseInsensitive])

    /// A legacy heading line: "ITEM 5. OTHER EVENTS", "Item 6 - Resignations ...".
    static let legacyHeading = try? NSRegularExpression(
        pattern: #"^[\s*•]{0,4}item[\s\x{00A0}]*(\d{1,2})(?!\s?\.\s?\d)\s*[.:\-–—]?\s*(?=[A-Za-z]|$)"#,
        options: [.caseInsensitive])

    /// Lines that end the last section: the signature block and the exhibit index.
    static let endMarkers = try? NSRegularExpression(
        pattern: #"^(signatures?|exhibit index|index to exhibits|pursuant to the requirements of the securities exchange act)\b"#,
        options: [.caseInsensitive])

    /// The sections of `text`; a code mentioned twice as a heading (a table of contents, a cover list)
    /// keeps the occurrence with the most text after it. Legacy "Item N." headings are read only
    /// when the text has no modern heading.
    public static func find(in text: String) -> [ItemSection] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
            .map { $0.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces) }
        var headings = modernHeadings(lines)
        if headings.isEmpty { headings = legacyHeadings(lines) }
        guard !headings.isEmpty else { return [] }
        var candidates: [(line: Int, codes: [String], heading: String, body: String)] = []
        for (position, heading) in headings.enumerated() {
            let nextLine = position + 1 < headings.count ? headings[position + 1].line : lines.count
            var bodyLines: [String] = []
            if !heading.inlineBody.isEmpty { bodyLines.append(heading.inlineBody) }
            var lineIndex = heading.line + 1
            var title = heading.title
            if title.isEmpty, lineIndex < nextLine, isTitle(lines[lineIndex], of: heading.codes) {
                title = lines[lineIndex]
                lineIndex += 1
            }
            while lineIndex < nextLine {
                let line = lines[lineIndex]
                if matches(endMarkers, line) { break }
                bodyLines.append(line)
                lineIndex += 1
            }
            let body = bodyLines.filter { !$0.isEmpty }.joined(separator: "\n")
            candidates.append((heading.line, heading.codes, title, body))
        }
        // Per code, the heading with the longest body wins (a table-of-contents line has almost none).
        var best: [String: Int] = [:]
        for (index, candidate) in candidates.enumerated() {
            for code in candidate.codes where (best[code].map { candidates[$0].body.count } ?? -1) < candidate.body.count {
                best[code] = index
            }
        }
        var sections: [ItemSection] = []
        for (index, candidate) in candidates.enumerated() {
            for code in candidate.codes where best[code] == index {
                sections.append(ItemSection(code: code, heading: candidate.heading, text: candidate.body))
            }
        }
        return sections
    }

    /// A heading found on a line: its codes, its title and any body text on the same line.
    struct Heading {
        var line: Int
        var codes: [String]
        var title: String
        var inlineBody: String
    }

    static func modernHeadings(_ lines: [String]) -> [Heading] {
        guard let modernHeading else { return [] }
        var result: [Heading] = []
        for (index, line) in lines.enumerated() where line.count < 4_000 {
            let range = NSRange(line.startIndex..., in: line)
            guard let match = modernHeading.firstMatch(in: line, range: range),
                let codesRange = Range(match.range(at: 1), in: line),
                let matchEnd = Range(match.range, in: line)?.upperBound
            else { continue }
            let codes = codeList(String(line[codesRange]))
            guard !codes.isEmpty else { continue }
            let (title, body) = splitTitle(String(line[matchEnd...]), codes: codes)
            result.append(Heading(line: index, codes: codes, title: title, inlineBody: body))
        }
        return result
    }

    static func legacyHeadings(_ lines: [String]) -> [Heading] {
        guard let legacyHeading else { return [] }
        var result: [Heading] = []
        for (index, line) in lines.enumerated() where line.count < 4_000 {
            let range = NSRange(line.startIndex..., in: line)
            guard let match = legacyHeading.firstMatch(in: line, range: range),
                let numberRange = Range(match.range(at: 1), in: line),
                let number = Int(line[numberRange]), (1...12).contains(number),
                let matchEnd = Range(match.range, in: line)?.upperBound
            else { continue }
            let code = "legacy-\(number)"
            let (title, body) = splitTitle(String(line[matchEnd...]), codes: [code])
            result.append(Heading(line: index, codes: [code], title: title, inlineBody: body))
        }
        return result
    }

    /// An item number, "5.02" or "5 . 2"; compiled once (see `WorkforceReader.shared`).
    static let codePattern = try? NSRegularExpression(pattern: #"(\d{1,2})\s?\.\s?(\d{1,2})"#)

    /// "5.02(b) and 9.01" -> ["5.02", "9.01"], keeping only real modern codes.
    static func codeList(_ text: String) -> [String] {
        var codes: [String] = []
        guard let regex = codePattern else { return [] }
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let major = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                let minorRange = Range(match.range(at: 2), in: text)
            else { continue }
            let minorText = text[minorRange]
            let minor = minorText.count == 1 ? "0\(minorText)" : String(minorText)
            let code = "\(major).\(minor)"
            if EightKItems.modernCodes.contains(code), !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    /// Separates a heading's title from body text that follows on the same line.
    static func splitTitle(_ rest: String, codes: [String]) -> (title: String, body: String) {
        // "Item 5.02(b), (c) and (e) Departure ...": the remaining paragraph letters are not part of the title.
        let withoutLetters = rest.replacingOccurrences(
            of: #"^(\s*(,|and|&)?\s*\([a-f]\))+"#, with: "", options: .regularExpression)
        let trimmed = withoutLetters.trimmingCharacters(in: CharacterSet(charactersIn: " .:-–—\u{00A0}"))
        guard trimmed.count > 250 else { return (trimmed, "") }
        let restWords = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        for title in codes.flatMap(EightKItems.titles(of:)) {
            let titleWords = EightKItems.normalizedWords(title)
            let count = title.split(separator: " ").count
            guard restWords.count > count else { continue }
            let head = restWords.prefix(count).joined(separator: " ")
            if EightKItems.normalizedWords(head) == titleWords {
                return (head, restWords.dropFirst(count).joined(separator: " "))
            }
        }
        return ("", trimmed)
    }

    /// True when a line right after a bare "Item 5.02" is that item's title.
    static func isTitle(_ line: String, of codes: [String]) -> Bool {
        guard line.count < 300 else { return false }
        let words = EightKItems.normalizedWords(line)
        return codes.flatMap(EightKItems.titles(of:)).contains { title in
            let titleWords = EightKItems.normalizedWords(title)
            return words.count >= 2 && Array(titleWords.prefix(2)) == Array(words.prefix(2))
        }
    }

    static func matches(_ regex: NSRegularExpression?, _ line: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
