/// A rectangular range such as a merged block `C4:D4`.
public struct XlsxRange: Sendable, Hashable {
    /// Top-left cell.
    public var start: XlsxCellReference
    /// Bottom-right cell.
    public var end: XlsxCellReference

    /// Parses `A1:B2` (or a single `A1`); nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 1 || parts.count == 2,
              let first = XlsxCellReference(parts[0]),
              let last = XlsxCellReference(parts.count == 2 ? parts[1] : parts[0]) else { return nil }
        start = XlsxCellReference(column: min(first.column, last.column), row: min(first.row, last.row))
        end = XlsxCellReference(column: max(first.column, last.column), row: max(first.row, last.row))
    }

    /// True when the cell lies inside the range.
    public func contains(row: Int, column: Int) -> Bool {
        (start.row...end.row).contains(row) && (start.column...end.column).contains(column)
    }
}
