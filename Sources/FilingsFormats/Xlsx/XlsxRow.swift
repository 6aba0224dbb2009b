/// One row of a worksheet: its Excel row number and cells by zero-based column (nil where empty).
public struct XlsxRow: Sendable, Equatable {
    /// One-based row number as in Excel (rows without cells are absent, so numbers can skip).
    public var number: Int
    /// Cells by zero-based column index; gaps are nil.
    public var cells: [XlsxCell?]

    /// A row from its parts.
    public init(number: Int, cells: [XlsxCell?]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at a zero-based column, nil when empty or past the end.
    public subscript(column: Int) -> XlsxCell? {
        cells.indices.contains(column) ? cells[column] : nil
    }
}
