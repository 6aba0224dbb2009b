import Foundation

/// What one ledger entry speaks for: a day's index, a quarter's, a company's filing list, an
/// imported file, a range of an export, or one file of a source.
///
/// Stored as text with its kind in front (`day/2025-11-17`, `quarter/2004Q3`,
/// `submissions/CIK0000895419`, `import/2025Q1`, `range/2024-01-01..2024-12-31`, `file/https://…`),
/// so a unit is never taken for another kind: a file named like a day stays a file.
public enum LedgerUnit: Hashable, Sendable, Codable, CustomStringConvertible {
    /// One day's EDGAR index.
    case day(Day)
    /// One quarter's EDGAR full index, as `backfill` stores it.
    case quarter(Quarter)
    /// A company's EDGAR filing list (its submissions JSON), as read.
    case submissions(cik: Int64)
    /// An EDGAR index a user imported, by the day or quarter its header names.
    case importedIndex(Day)
    /// An EDGAR quarterly index a user imported.
    case importedQuarter(Quarter)
    /// A date range of an export (Eurofound's CSV).
    case range(DaySpan)
    /// One file of a source: a report's URL, an imported file's path, the ticker map.
    case file(String)

    /// Reads the stored text back; nil when it is of no known kind.
    public init?(stored text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let kind = text[..<slash]
        let value = String(text[text.index(after: slash)...])
        switch kind {
        case "day": guard let day = Day(value) else { return nil }; self = .day(day)
        case "quarter": guard let quarter = Quarter(value) else { return nil }; self = .quarter(quarter)
        case "submissions":
            guard value.hasPrefix("CIK"), let cik = Int64(value.dropFirst(3)) else { return nil }
            self = .submissions(cik: cik)
        case "import":
            if let day = Day(value) {
                self = .importedIndex(day)
            } else if let quarter = Quarter(value) {
                self = .importedQuarter(quarter)
            } else {
                return nil
            }
        case "range":
            let ends = value.components(separatedBy: "..")
            guard ends.count == 2, let span = DaySpan(from: ends[0], until: ends[1]) else { return nil }
            self = .range(span)
        case "file": self = .file(value)
        default: return nil
        }
    }

    /// Reads a unit as versions before v12 stored it: a bare day, a bare quarter, `from..until`,
    /// or a file's URL or path; the `submissions/` and `import/` forms are unchanged.
    public init(legacy text: String) {
        if let day = Day(text) {
            self = .day(day)
        } else if let quarter = Quarter(text), text.count == 6 {
            self = .quarter(quarter)
        } else if text.hasPrefix("submissions/CIK") || text.hasPrefix("import/"), let unit = LedgerUnit(stored: text) {
            self = unit
        } else if case let ends = text.components(separatedBy: ".."), ends.count == 2, let span = DaySpan(from: ends[0], until: ends[1]) {
            self = .range(span)
        } else {
            self = .file(text)
        }
    }

    /// The stored text.
    public var stored: String {
        switch self {
        case .day(let day): "day/\(day.iso)"
        case .quarter(let quarter): "quarter/\(quarter)"
        case .submissions(let cik): "submissions/CIK" + String(repeating: "0", count: max(0, 10 - String(cik).count)) + String(cik)
        case .importedIndex(let day): "import/\(day.iso)"
        case .importedQuarter(let quarter): "import/\(quarter)"
        case .range(let span): "range/\(span)"
        case .file(let name): "file/\(name)"
        }
    }

    /// How a person reads it in a report: the day, quarter, range or file without its kind.
    public var description: String {
        switch self {
        case .day(let day): day.iso
        case .quarter(let quarter): quarter.description
        case .submissions(let cik): "filing list of CIK \(cik)"
        case .importedIndex(let day): "imported index of \(day.iso)"
        case .importedQuarter(let quarter): "imported index of \(quarter)"
        case .range(let span): span.description
        case .file(let name): name
        }
    }

    /// The day of a daily EDGAR index unit.
    public var day: Day? {
        if case .day(let day) = self { day } else { nil }
    }

    /// The quarter of a backfilled quarter unit.
    public var quarter: Quarter? {
        if case .quarter(let quarter) = self { quarter } else { nil }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = LedgerUnit(stored: text) ?? .file(text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }
}
