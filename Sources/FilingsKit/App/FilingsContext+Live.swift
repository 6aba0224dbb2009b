import FilingsHTTP
import Foundation

extension FilingsContext {
    /// The context the command line uses: the SQLite store at `databasePath`, the feeds in `feedsDirectory`,
    /// and one polite HTTP client for the whole process, whose SEC ban is kept in the store.
    public static func live(
        databasePath: String, feedsDirectory: String, userAgent: String?, log: @escaping @Sendable (String) -> Void
    ) throws -> FilingsContext {
        let store = try Store(path: databasePath, upgrading: log)
        let feeds = try FeedCatalog(directory: feedsDirectory)
        let rate = feeds.feed(kind: .secEdgar)?.requestsPerSecond ?? 5
        let client = HTTPClient(
            transport: .live(timeout: 30), userAgent: userAgent, requestsPerSecond: rate, ban: store.banRecord(), log: log)
        let fetcher = Fetcher { url, kind, validators, sec in
            try await client.fetch(url, kind: kind, validators: validators, sec: sec)
        }
        return FilingsContext(store: store, feeds: feeds, fetcher: fetcher, log: log)
    }
}

extension Store {
    static let banKey = "sec-ban-until"

    /// The SEC ban kept in the database, so another process (tonight's cron run) honours it too.
    public func banRecord() -> BanRecord {
        BanRecord(
            load: { [self] in
                (try? setting(Store.banKey)).flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
            },
            save: { [self] date in
                try? setSetting(Store.banKey, String(date.timeIntervalSince1970))
            })
    }
}
