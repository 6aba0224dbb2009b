import Foundation

/// One feed file in `Feeds/`: where a source lives and how to build its URLs.
public struct FeedDefinition: Codable, Sendable, Equatable {
    /// The feed's identity in the sync ledger and on the command line (`--only`); its file's name.
    public var id: String
    /// Which reader handles it.
    public var kind: FeedKind
    public var title: String
    /// What a record of this source can show and what its absence does not: the `can show` line of `check`.
    public var canShow: String?
    /// SEC feeds need a declared User-Agent and share the SEC rate limit and ban.
    public var sec: Bool
    /// Named base URLs; a mirror or proxy changes only these.
    public var urls: [String: String]
    /// Named path templates with `{placeholders}`, relative to one of `urls`.
    public var paths: [String: String]
    public var requestsPerSecond: Double?
    /// How far back the first sync reaches, in days.
    public var firstSyncDays: Int?
    /// For a state WARN feed: how the state publishes its notices and how its file is read.
    public var warn: WarnTableSpec?

    /// A feed from its parts, as a feed file declares them.
    public init(
        id: String, kind: FeedKind, title: String, canShow: String? = nil, sec: Bool, urls: [String: String], paths: [String: String],
        requestsPerSecond: Double? = nil, firstSyncDays: Int? = nil, warn: WarnTableSpec? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.canShow = canShow
        self.sec = sec
        self.urls = urls
        self.paths = paths
        self.requestsPerSecond = requestsPerSecond
        self.firstSyncDays = firstSyncDays
        self.warn = warn
    }

    /// The `source` of the records this feed brings: its id, but for EDGAR's feed, whose records are `sec-8k`.
    public var source: Source {
        kind == .secEdgar ? .sec8k : Source(rawValue: id)
    }

    /// Builds a URL from the base named `base` and the path template named `path`, filling `{placeholders}`.
    public func url(_ base: String, _ path: String? = nil, _ values: [String: String] = [:]) throws -> URL {
        guard let baseText = urls[base] else { throw FeedError.missingKey(feed: id, key: "urls.\(base)") }
        var text = baseText
        if let path {
            guard var template = paths[path] else { throw FeedError.missingKey(feed: id, key: "paths.\(path)") }
            for (name, value) in values {
                template = template.replacingOccurrences(of: "{\(name)}", with: value)
            }
            if !text.hasSuffix("/") { text += "/" }
            text += template
        }
        guard let url = URL(string: text), url.scheme != nil else { throw FeedError.badURL(feed: id, url: text) }
        return url
    }
}

/// Which reader a feed needs: the format and the ways of its site, not the source it brings.
public enum FeedKind: String, Codable, Sendable, CaseIterable {
    /// SEC EDGAR: daily and quarterly indexes, submissions, ticker maps, filing texts.
    case secEdgar = "sec-edgar"
    /// California EDD's WARN page and the workbook and PDFs it links to.
    case californiaWarn = "ca-edd-warn"
    /// Eurofound's ERM CSV export.
    case eurofoundERM = "eurofound-erm"
    /// A US state's WARN notices, read as its `warn` block declares (a table in CSV, XLSX, HTML or JSON).
    case stateWarn = "state-warn"
}

/// Why a feed file could not be used.
public enum FeedError: LocalizedError, Equatable {
    case unreadable(path: String, reason: String)
    case missingKey(feed: String, key: String)
    case badURL(feed: String, url: String)
    case noFeeds(directory: String)
    case unknownFeed(String, known: [String])
    case misnamed(path: String, id: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason): "cannot read feed file \(path): \(reason)"
        case .missingKey(let feed, let key): "feed \(feed) has no \(key); add it to its file in Feeds/"
        case .badURL(let feed, let url): "feed \(feed) builds an invalid URL \(url); fix its file in Feeds/"
        case .noFeeds(let directory): "no feed files (*.json) in \(directory); point --feeds or FILINGS_FEEDS at the package's Feeds/ directory"
        case .unknownFeed(let name, let known): "no feed named \(name); known feeds: \(known.joined(separator: ", "))"
        case .misnamed(let path, let id): "feed file \(path) declares the id \(id); rename it \(id).json (a feed's file is named by its id)"
        }
    }
}
