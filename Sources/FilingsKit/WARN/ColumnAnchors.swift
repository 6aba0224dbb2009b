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
