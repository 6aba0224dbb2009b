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
            case "sec-edgar":
                reports.append(await EDGARSync(context: context, feed: feed).run(since: since, until: until))
            case "ca-edd-warn":
                reports.append(await WarnSync(context: context, feed: feed).run())
            case "eurofound-erm":
                reports.append(await ERMSync(context: context, feed: feed).run())
            default:
                var report = FeedReport(feed: feed.id)
                report.failures.append("this version of filings cannot read feeds of kind \(feed.kind) yet")
                reports.append(report)
            }
        }
        return reports
    }
}
