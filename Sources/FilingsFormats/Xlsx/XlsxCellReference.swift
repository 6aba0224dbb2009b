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
