

/// One worksheet: its name, non-empty rows in order, and merged ranges.
public struct XlsxSheet: Sendable, Equatable {
    /// The tab name exactly as stored (may carry trailing spaces).
    public let name: String
    /// Rows that hold at least one value, in sheet order.
    public let rows: [XlsxRow]
    /// Merged ranges (`mergeCells`); Excel keeps the value in the top-left cell only.
    public let merges: [XlsxRange]
    private let rowPositions: [Int: Int]
    /// Indexes into `merges` by each row they cover (EDD's sheet has ~1,900 merges).
    private let mergesByRow: [Int: [Int]]

    /// A sheet from its parts.
    public init(name: String, rows: [XlsxRow], merges: [XlsxRange]) {
        self.name = name
        self.rows = rows
        self.merges = merges
        var positions: [Int: Int] = [:]
        for (position, row) in rows.enumerated() { positions[row.number] = position }
        rowPositions = positions
        var byRow: [Int: [Int]] = [:]
        for (index, range) in merges.enumerated() where range.end.row - range.start.row < 100_000 {
            for row in range.start.row...range.end.row { byRow[row, default: []].append(index) }
        }
        mergesByRow = byRow
    }

    /// The cell stored at a one-based row and zero-based column, without merge resolution.
    public func cell(row: Int, column: Int) -> XlsxCell? {
        rowPositions[row].flatMap { rows[$0][column] }
    }

    /// The merged range covering a cell, if any.
    public func merge(containingRow row: Int, column: Int) -> XlsxRange? {
        mergesByRow[row]?.lazy.map { merges[$0] }.first { $0.contains(row: row, column: column) }
    }

    /// The value shown at a cell: its own value, or the top-left value of the merged range covering it.
    public func value(row: Int, column: Int) -> XlsxCell? {
        if let own = cell(row: row, column: column) { return own }
        guard let range = merge(containingRow: row, column: column) else { return nil }
        return cell(row: range.start.row, column: range.start.column)
    }
}
