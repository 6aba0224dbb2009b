import Foundation

/// A company the user asked to follow.
public struct Watch: Codable, Sendable, Equatable {
    public var cik: Int64
    public var name: String
    public var aliases: [String]
    public var createdAt: Date
    /// When the company's filing history was last loaded from its submissions JSON.
    public var historyLoadedAt: Date?

    public init(cik: Int64, name: String, aliases: [String] = [], createdAt: Date = Date(), historyLoadedAt: Date? = nil) {
        self.cik = cik
        self.name = name
        self.aliases = aliases
        self.createdAt = createdAt
        self.historyLoadedAt = historyLoadedAt
    }
}
