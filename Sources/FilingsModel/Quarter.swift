import Foundation

/// A calendar quarter, the unit of EDGAR's full index (`edgar/full-index/2004/QTR3/master.idx`).
///
/// Written `2004Q3`: that is also its ledger unit, which never parses as a `Day`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2004.
    public let year: Int
    /// 1 to 4.
    public let quarter: Int

    /// The first quarter EDGAR's full index covers.
    public static let first = Quarter(uncheckedYear: 1993, quarter: 1)

    /// A quarter from its parts; nil when `quarter` is not 1 to 4.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), (1000...9999).contains(year) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses `YYYYQn` (`2004Q3`; `2004q3` and `2004-Q3` too).
    public init?(_ text: String) {
        let compact = text.uppercased().replacingOccurrences(of: "-", with: "")
        let parts = compact.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 1, let year = Int(parts[0]),
            let quarter = Int(parts[1])
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The quarter `day` falls in.
    public init(containing day: Day) {
        year = day.year
        quarter = (day.month - 1) / 3 + 1
    }

    /// `2004Q3`.
    public var description: String { "\(year)Q\(quarter)" }

    /// The quarter after this one.
    public var next: Quarter {
        quarter == 4 ? Quarter(uncheckedYear: year + 1, quarter: 1) : Quarter(uncheckedYear: year, quarter: quarter + 1)
    }

    /// The quarter's first day.
    public var firstDay: Day {
        Day(year: year, month: (quarter - 1) * 3 + 1, day: 1) ?? Day(Date(timeIntervalSince1970: 0), in: .gmt)
    }

    /// The quarter's last day.
    public var lastDay: Day { next.firstDay.adding(days: -1) }

    /// Every quarter from `first` through `last`.
    public static func range(_ first: Quarter, _ last: Quarter) -> [Quarter] {
        var quarters: [Quarter] = []
        var current = first
        while current <= last {
            quarters.append(current)
            current = current.next
        }
        return quarters
    }

    /// Earlier quarters sort first.
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }

    private init(uncheckedYear year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }
}
