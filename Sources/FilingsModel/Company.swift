import Foundation

/// A filer known to EDGAR, keyed by its Central Index Key.
public struct Company: Codable, Sendable, Equatable {
    public var cik: Int64
    public var name: String
    public var tickers: [String]
    public var exchanges: [String]
    public var formerNames: [FormerName]
    /// Where the name data came from (a URL or a file path).
    public var source: String
    public var updatedAt: Date

    public init(
        cik: Int64, name: String, tickers: [String] = [], exchanges: [String] = [],
        formerNames: [FormerName] = [], source: String, updatedAt: Date = Date()
    ) {
        self.cik = cik
        self.name = name
        self.tickers = tickers
        self.exchanges = exchanges
        self.formerNames = formerNames
        self.source = source
        self.updatedAt = updatedAt
    }
}

/// A name a company used before, with the dates EDGAR gives for it.
public struct FormerName: Codable, Sendable, Hashable {
    public var name: String
    /// ISO date `YYYY-MM-DD`, when known.
    public var from: String?
    /// ISO date `YYYY-MM-DD`, when known.
    public var to: String?

    public init(name: String, from: String? = nil, to: String? = nil) {
        self.name = name
        self.from = from
        self.to = to
    }
}
