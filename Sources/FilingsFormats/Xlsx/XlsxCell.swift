import Foundation

/// One cell value of a worksheet, typed as Excel stored it.
public enum XlsxCell: Sendable, Equatable {
    /// A shared, inline or formula string.
    case text(String)
    /// A number; dates are numbers too (see `ExcelDate`).
    case number(Double)
    /// A boolean (`t="b"`).
    case boolean(Bool)
    /// An error value such as `#N/A`.
    case error(String)

    /// The value as text: numbers without a needless `.0`, booleans as `TRUE`/`FALSE`.
    public var text: String {
        switch self {
        case let .text(value): value
        case let .number(value):
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case let .boolean(value): value ? "TRUE" : "FALSE"
        case let .error(value): value
        }
    }

    /// The numeric value, also for text that is a plain number.
    public var number: Double? {
        switch self {
        case let .number(value): value
        case let .text(value): Double(value.trimmingCharacters(in: .whitespacesAndNewlines))
        case .boolean, .error: nil
        }
    }
}
