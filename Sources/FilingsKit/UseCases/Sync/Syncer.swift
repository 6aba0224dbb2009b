import FilingsModel
import Foundation

/// `filings sync`: every feed, each on its own, so one failing feed does not stop the others.
public struct Syncer: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Runs the feeds named in `only` (all when empty); `since`/`until` bound the EDGAR daily indexes.
    public func run(only: [String] = [], since: Day? = nil, until: Day? = nil) async throws -> [FeedReport] {
        for name in only { _ = try context.feeds.feed(id: name) }
        var reports: [FeedReport] = []
        for feed in context.feeds.feeds where only.isEmpty || only.contains(feed.id) {
            context.log("syncing \(feed.title)…")
            switch feed.kind {
            case .secEdgar:
                reports.append(await EDGARSync(context: context, feed: feed).run(since: since, until: until))
            case .californiaWarn:
                reports.append(await WarnSync(context: context, feed: feed).run())
            case .eurofoundERM:
                reports.append(await ERMSync(context: context, feed: feed).run())
            case .stateWarn:
                reports.append(await StateWarnSync(context: context, feed: feed).run())
            }
        }
        return reports
    }
}
