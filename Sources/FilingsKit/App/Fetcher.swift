import FilingsHTTP
import Foundation

/// How the pipeline reaches the network: one call per GET, with the HTTP client's politeness behind it.
public struct Fetcher: Sendable {
    /// The transfer behind `fetch`, as `HTTPClient.fetch(_:kind:validators:sec:)` makes it: tests put a
    /// loopback client or a failure here.
    let transfer: @Sendable (_ url: URL, _ kind: BodyKind, _ validators: Validators?, _ sec: Bool) async throws -> FetchResult

    public init(_ transfer: @escaping @Sendable (URL, BodyKind, Validators?, Bool) async throws -> FetchResult) {
        self.transfer = transfer
    }

    /// Fetches `url`, a body of `kind` (read up to its cap), conditionally when `validators` (of the
    /// stored copy) are given; `sec` puts the request under SEC's rules (User-Agent, shared rate
    /// limit, ban). With `feed`, a body over the cap is said with the feed file that holds the URL.
    public func fetch(_ url: URL, kind: BodyKind, validators: Validators? = nil, sec: Bool, feed: String? = nil) async throws -> FetchResult {
        do {
            return try await transfer(url, kind, validators, sec)
        } catch HTTPError.overCap(let stopped, let kind) {
            guard let feed else { throw HTTPError.overCap(url: stopped, kind: kind) }
            throw FeedFetchError.overCap(feed: feed, url: stopped, kind: kind)
        }
    }
}

/// A fetch that failed in a way the feed file can fix, said with that file.
public enum FeedFetchError: LocalizedError, Equatable {
    /// The body ran past its kind's cap: the URL most likely leads to something else than the feed says.
    case overCap(feed: String, url: URL, kind: BodyKind)

    public var errorDescription: String? {
        switch self {
        case .overCap(let feed, let url, let kind):
            "\(url.absoluteString) sent more than \(kind.capText), the cap on \(kind.label); stopped, nothing was stored. "
                + "Check that URL in Feeds/\(feed).json (a file truly that large needs BodyKind.\(kind.rawValue)'s cap raised)."
        }
    }
}
