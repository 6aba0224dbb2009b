import FilingsHTTP
import FilingsModel
import Foundation

/// Keeps SEC's ticker maps in the store, refreshed at most weekly and conditionally.
struct TickerMapRefresher {
    let context: FilingsContext
    let feed: FeedDefinition

    /// Fetches each ticker map not fetched in the last 7 days; a failure is logged, not fatal, when some names are known.
    func refreshIfStale() async throws {
        for path in ["tickers", "tickersExchange"] {
            let url = try feed.url("files", path)
            let unit = LedgerUnit.file(url.lastPathComponent)
            let previous = try context.store.ledgerEntry(feed: feed.id, unit: unit)
            if let previous, previous.status == .ok, context.now().timeIntervalSince(previous.fetchedAt) < 7 * 86_400 { continue }
            do {
                let validators = previous.map { Validators(etag: $0.etag, lastModified: $0.lastModified) }
                switch try await context.fetcher.fetch(url, kind: .json, validators: validators, sec: true, feed: feed.id) {
                case .fetched(let data, let newValidators):
                    let entries = try TickerMapParser.parse(data, source: url.absoluteString)
                    try context.store.importTickers(entries.map { ($0.cik, $0.ticker, $0.name, $0.exchange) }, source: url.absoluteString)
                    try context.store.record(LedgerEntry(feed: feed.id, unit: unit, status: .ok, url: url.absoluteString, fetchedAt: context.now(),
                                                         etag: newValidators.etag, lastModified: newValidators.lastModified, rows: entries.count))
                case .notModified:
                    try context.store.record(LedgerEntry(feed: feed.id, unit: unit, status: .ok, url: url.absoluteString, fetchedAt: context.now(),
                                                         etag: previous?.etag, lastModified: previous?.lastModified, rows: previous?.rows ?? 0))
                case .missing:
                    context.log("\(url.absoluteString): not found; company names come from other sources")
                }
            } catch {
                if try context.store.companyCount() == 0 { throw error }
                context.log("could not refresh \(url.absoluteString): \(error.localizedDescription); using the names already stored")
            }
        }
    }
}
