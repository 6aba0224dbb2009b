/// A line of `pdftotext -layout` output cut into words that remember their column.
struct LayoutLine {
    /// A word and the character column where it starts.
    struct Word: Equatable {
        var start: Int
        var text: String
        var end: Int { start + text.count }
    }

    /// 1-based line number in the whole text.
    let number: Int
    /// 0-based page (pages are separated by form feeds).
    let page: Int
    let words: [Word]

    init(number: Int, page: Int, text: Substring) {
        self.number = number
        self.page = page
        var words: [Word] = []
        var current = ""
        var start = 0
        for (column, character) in text.enumerated() {
            if character == " " || character == "\t" {
                if !current.isEmpty { words.append(Word(start: start, text: current)) }
                current = ""
            } else {
                if current.isEmpty { start = column }
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(Word(start: start, text: current)) }
        self.words = words
    }

    var isBlank: Bool { words.isEmpty }

    /// The words joined with single spaces.
    var text: String { Self.join(words) }

    /// Words grouped into chunks separated by at least two spaces (layout columns).
    static func chunks(_ words: [Word]) -> [[Word]] {
        var chunks: [[Word]] = []
        for word in words {
            if let previous = chunks.last?.last, word.start - previous.end < 2 {
                chunks[chunks.count - 1].append(word)
            } else {
                chunks.append([word])
            }
        }
        return chunks
    }

    static func join(_ words: [Word]) -> String {
        words.map(\.text).joined(separator: " ")
    }

    /// Splits text into layout lines, counting pages at form feeds.
    static func lines(of text: String) -> [LayoutLine] {
        var page = 0
        var result: [LayoutLine] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw
            while let feed = line.firstIndex(of: "\u{0C}") {
                page += 1
                line = line[line.index(after: feed)...]
            }
            if line.hasSuffix("\r") { line = line.dropLast() }
            result.append(LayoutLine(number: index + 1, page: page, text: line))
        }
        return result
    }
}
