import FilingsFormats

/// One cell of a state's WARN table, as its format gave it.
enum WarnCell: Sendable, Equatable {
    case text(String)
    /// A workbook number: a count, or a date as an Excel serial.
    case number(Double)

    /// The cell as text (a whole number without `.0`).
    var text: String {
        switch self {
        case .text(let value): value
        case .number(let value): XlsxCell.number(value).text
        }
    }
}

/// A row of a state's WARN table with where it was in the file (the line, the sheet row, the `<tr>`, the record).
struct WarnRow: Sendable, Equatable {
    var number: Int
    var cells: [WarnCell]
}
