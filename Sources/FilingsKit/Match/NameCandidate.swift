import Foundation

/// A company name that matched a lookup, with how it matched.
public struct NameCandidate: Sendable, Equatable {
    public var cik: Int64
    /// The company's current name.
    public var currentName: String
    /// The name or ticker that matched.
    public var matchedName: String
    /// `current`, `former`, `ticker` or `alias`.
    public var kind: String
    public var tickers: [String]
    /// `matchedName` as stored for lookups (normalized; a ticker as is).
    public var normalizedName: String = ""
}
