import Foundation

/// A parsed ticker map: its entries in file order, and the rows that had to be skipped.
public struct TickerMap: Sendable {
    /// The well-formed rows, in file order.
    public var entries: [TickerEntry]
    /// Skipped rows, in words (the first few; the rest are counted in `skippedCount`).
    public var issues: [String]
    /// How many rows were skipped.
    public var skippedCount: Int

    /// Creates a map from its parts.
    public init(entries: [TickerEntry], issues: [String] = [], skippedCount: Int = 0) {
        self.entries = entries
        self.issues = issues
        self.skippedCount = skippedCount
    }
}
