import Foundation

/// What `filings follow` keeps between batches and across restarts (in the store's settings).
public struct FollowPosition: Codable, Sendable, Equatable {
    /// Keys (`accession/cik`) of the feed entries seen, newest first, at most `FollowPosition.seenLimit`.
    public var seen: [String] = []
    /// The newest entry time seen in the feed.
    public var newest: Date?
    /// The first page's validators, for a conditional read.
    public var etag: String?
    public var lastModified: String?
    /// Watched companies' filings listed in the feed whose text was not on EDGAR's archive yet.
    public var waiting: [WaitingFiling] = []

    /// How many entry keys are kept: more than the pages one batch reads.
    public static let seenLimit = 600

    /// A position with nothing seen.
    public init() {}

    /// Adds `keys` (newest first) in front of the seen ones, keeping at most `seenLimit`.
    public mutating func remember(_ keys: [String]) {
        var known = Set<String>()
        seen = (keys + seen).filter { known.insert($0).inserted }
        if seen.count > Self.seenLimit { seen.removeLast(seen.count - Self.seenLimit) }
    }
}

/// A watched company's filing seen in the feed before its text was on the archive: read again next batch.
public struct WaitingFiling: Codable, Sendable, Equatable {
    public var accession: String
    /// The filers the feed listed it under.
    public var ciks: [Int64]
    /// Each filer's name as the feed gave it, in the order of `ciks`.
    public var names: [String]?
    public var form: String
    public var filingDate: String
    public var companyName: String
    /// When the feed first listed it.
    public var firstSeen: Date
    public var attempts: Int
}
