import Foundation

/// Where a record or event comes from, spelled one way everywhere: the `source` value in JSON and
/// in `records --source`, and, for every source but EDGAR's, the feed's id and its file's name in `Feeds/`.
///
/// A struct, not an enum: a source is configuration (a feed file), so a new state's WARN notices
/// need no new case.
public struct Source: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The source spelled `rawValue`, as a feed file names it (`ca-warn`, `tx-warn`).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// SEC Form 8-K filings, read by the `sec-edgar` feed.
    public static let sec8k = Source(rawValue: "sec-8k")
    /// California EDD's WARN notices.
    public static let caWarn = Source(rawValue: "ca-warn")
    /// Eurofound's European Restructuring Monitor.
    public static let euErm = Source(rawValue: "eu-erm")

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }
}
