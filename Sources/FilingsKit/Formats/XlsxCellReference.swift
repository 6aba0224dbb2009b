/// A cell position such as `B12`: zero-based column, one-based row as in Excel.
public struct XlsxCellReference: Sendable, Hashable {
    /// Zero-based column index (`A` is 0, `AA` is 26).
    public var column: Int
    /// One-based row number as written in the reference.
    public var row: Int

    /// A reference from its parts.
    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `A1`-style references (`$` signs allowed); nil for anything else.
    public init?(_ text: String) {
        var column = 0
        var digits = ""
        var sawLetter = false
        for character in text where character != "$" {
            if let ascii = character.asciiValue, character.isLetter {
                guard digits.isEmpty else { return nil }
                column = column * 26 + Int(ascii & 0xDF) - 64
                guard column <= 16_384 else { return nil }
                sawLetter = true
            } else if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                return nil
            }
        }
        guard sawLetter, let row = Int(digits), row > 0 else { return nil }
        self.column = column - 1
        self.row = row
    }

    /// Zero-based column index of column letters (`A` -> 0, `Z` -> 25, `AA` -> 26); nil if not letters.
    public static func columnIndex(_ letters: String) -> Int? {
        XlsxCellReference(letters + "1")?.column
    }

    /// Column letters of a zero-based index (0 -> `A`, 26 -> `AA`).
    public static func columnLetters(_ index: Int) -> String {
        var value = index + 1
        var letters = ""
        while value > 0 {
            let remainder = (value - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            value = (value - 1) / 26
        }
        return letters
    }
}

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
