import Foundation

/// Where a backfill stands, reported through a callback so the command line can draw a bar.
public struct BackfillProgress: Sendable, Equatable {
    /// The quarter being stored, e.g. `2004Q3`.
    public var quarter: String
    /// 1-based position of `quarter` among the quarters due.
    public var position: Int
    /// How many quarters are due in this run.
    public var count: Int
    /// Bytes of the quarter's index read so far.
    public var bytesRead: Int
    /// The index's size in bytes, when known.
    public var bytesTotal: Int?

    /// The share of the whole run done, 0 to 1.
    public var fraction: Double {
        guard count > 0 else { return 1 }
        let within = bytesTotal.map { $0 > 0 ? min(1, Double(bytesRead) / Double($0)) : 1 } ?? 0
        return (Double(position - 1) + within) / Double(count)
    }
}
