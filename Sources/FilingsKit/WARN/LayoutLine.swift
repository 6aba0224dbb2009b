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

/// Column start positions learned from the rows themselves (headers are centred, data is not).
struct ColumnAnchors {
    private var perPage: [Int: [[Int: Int]]] = [:]
    private var overall: [[Int: Int]]

    init(columns: Int) {
        overall = Array(repeating: [:], count: columns)
    }

    /// Records that column `column` started at `start` on `page`.
    mutating func observe(page: Int, column: Int, start: Int) {
        var counts = perPage[page] ?? Array(repeating: [:], count: overall.count)
        counts[column][start, default: 0] += 1
        perPage[page] = counts
        overall[column][start, default: 0] += 1
    }

    /// The most frequent start of each column on `page` (at least 3 observations), else over the document.
    func starts(page: Int) -> [Int]? {
        func mode(_ counts: [Int: Int]) -> Int? {
            counts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key
        }
        if let counts = perPage[page], counts.allSatisfy({ $0.values.reduce(0, +) >= 3 }) {
            let starts = counts.compactMap(mode)
            if starts.count == overall.count { return starts }
        }
        let starts = overall.compactMap(mode)
        return starts.count == overall.count ? starts : nil
    }
}
