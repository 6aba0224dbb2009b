import FilingsModel
/// Splits the words of a layout line into table columns.
enum LayoutColumns {
    /// Distributes words over columns starting at `starts`.
    ///
    /// Each chunk (words separated by two or more spaces) goes to the column whose start is nearest,
    /// never left of the previous chunk's column. pdftotext sometimes leaves a single space between
    /// cells ("Edison Company Azusa", "Group West Hollywood Los Angeles"): a chunk followed by an
    /// empty column is split, from the rightmost empty column leftwards, before the longest suffix
    /// that is a value seen in that column on clean rows (`known`), else, when the chunk runs past the
    /// column's start, at the word nearest that start (ties go left: crowded text shifts left).
    static func assign(_ words: [LayoutLine.Word], starts: [Int], known: [Set<String>] = [], splitting: Bool = true) -> [[LayoutLine.Word]] {
        var pieces: [(column: Int, words: [LayoutLine.Word])] = []
        for chunk in LayoutLine.chunks(words) {
            let minimum = pieces.last?.column ?? 0
            let nearest = starts.indices.min { abs(starts[$0] - chunk[0].start) < abs(starts[$1] - chunk[0].start) } ?? 0
            pieces.append((max(minimum, nearest), chunk))
        }
        var index = 0
        while splitting, index < pieces.count {
            let limit = index + 1 < pieces.count ? pieces[index + 1].column : starts.count
            var column = limit - 1
            while column > pieces[index].column {
                let chunk = pieces[index].words
                if chunk.count > 1, let cut = cut(chunk, column: column, start: starts[column], known: known.indices.contains(column) ? known[column] : []) {
                    pieces[index].words = Array(chunk[..<cut])
                    pieces.insert((column, Array(chunk[cut...])), at: index + 1)
                }
                column -= 1
            }
            index += 1
        }
        var cells = Array(repeating: [LayoutLine.Word](), count: starts.count)
        for piece in pieces { cells[piece.column] += piece.words }
        return cells
    }

    /// Where to split `chunk` so that its right part fills the empty column starting at `start`.
    private static func cut(_ chunk: [LayoutLine.Word], column: Int, start: Int, known: Set<String>) -> Int? {
        if let cut = (1..<chunk.count).first(where: { known.contains(LayoutLine.join(Array(chunk[$0...])).lowercased()) }) {
            return cut
        }
        guard let last = chunk.last, last.end > start else { return nil }
        return (1..<chunk.count).min { abs(chunk[$0].start - start) < abs(chunk[$1].start - start) }
    }
}
