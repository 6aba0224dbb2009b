import FilingsHTTP
import FilingsKit
import Foundation
import Testing

extension FilingsContext {
    /// A context over `store` and the package's `Feeds/` whose every fetch fails as if the network
    /// were down; with `fetchIsAFailure`, a fetch also fails the test (offline code must make none).
    static func offline(
        _ store: Store, now: @escaping @Sendable () -> Date = Date.init, fetchIsAFailure: Bool = false
    ) throws -> FilingsContext {
        FilingsContext(
            store: store, feeds: try FeedCatalog(directory: SharedData.packageRoot.appendingPathComponent("Feeds").path),
            fetcher: Fetcher { url, _, _, _ in
                if fetchIsAFailure { Issue.record("an offline run fetched \(url)") }
                throw HTTPError.transport(url: url, reason: "offline test")
            },
            now: now)
    }
}
