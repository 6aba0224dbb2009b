import FilingsModel
import Foundation

/// Everything a pipeline stage may touch: the store, the feeds, the network, the clock and a diagnostics sink.
public struct FilingsContext: Sendable {
    public var store: Store
    public var feeds: FeedCatalog
    public var fetcher: Fetcher
    public var now: @Sendable () -> Date
    /// Progress and diagnostics for a person; the command line sends them to stderr.
    public var log: @Sendable (String) -> Void

    public init(
        store: Store, feeds: FeedCatalog, fetcher: Fetcher, now: @escaping @Sendable () -> Date = Date.init,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.store = store
        self.feeds = feeds
        self.fetcher = fetcher
        self.now = now
        self.log = log
    }

    /// The SEC EDGAR feed, which every EDGAR stage needs.
    public func edgarFeed() throws -> FeedDefinition {
        guard let feed = feeds.feed(kind: .secEdgar) else {
            throw FeedError.missingKey(feed: "sec-edgar", key: "a feed file of kind sec-edgar in \(feeds.directory)")
        }
        return feed
    }
}
