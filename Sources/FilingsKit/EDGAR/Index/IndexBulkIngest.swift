import FilingsModel
import Foundation

/// The one master-index path, shared by `filings sync` (a daily index), `backfill` and `import`: one index
/// streamed into the store in one write transaction, its ledger entry (if any) committed with it.
struct IndexBulkIngest {
    /// What storing one index did.
    struct Outcome {
        var report: IndexParseReport
        /// Rows new to the store.
        var inserted: Int
        var eventsRaised: Int
    }

    /// SQLite's page cache for the transaction, in KiB: large enough for a quarter's index
    /// pages, small enough to keep the whole process under 64 MiB (larger caches bought little here).
    static let cacheKiB = 8 * 1024

    /// A master index row is about 85 bytes; a gzip one about a fifth of that, so this underestimates safely.
    static let bytesPerRow = 100
    /// The 8-K family is 2 to 6% of an index's rows.
    static let rowsPerCurrentReport = 50

    let context: FilingsContext
    let feed: FeedDefinition
    let forms: IndexForms
    /// The stream's buffer; tests shrink it to cut lines across reads.
    var bufferSize = IndexStream.defaultBufferSize

    /// Streams `source` into the store; `ledger` builds the entry (if any) saved in the same transaction.
    ///
    /// `recordSource` is what each row's `source` column says (the URL or path).
    func run(
        _ source: IndexByteSource, recordSource: String, ledger: ((IndexParseReport, Int) -> LedgerEntry?)? = nil,
        progress: (Int) -> Void = { _ in }
    ) throws -> Outcome {
        try run(IndexReadAhead(source: source, forms: forms, bufferSize: bufferSize), recordSource: recordSource, ledger: ledger, progress: progress)
    }

    /// Stores the rows of an index already being read, keeping the forms its reader keeps.
    func run(
        _ index: IndexReadAhead, recordSource: String, ledger: ((IndexParseReport, Int) -> LedgerEntry?)? = nil,
        progress: (Int) -> Void = { _ in }
    ) throws -> Outcome {
        defer { index.stop() }
        let now = context.now()
        let watches = Dictionary(uniqueKeysWithValues: try context.store.watches().map { ($0.cik, $0) })
        let template = try FilingURLTemplate(feed: feed)
        let rows = (index.totalBytes ?? 0) / Self.bytesPerRow
        let expectedRows = index.forms == .all ? rows : rows / Self.rowsPerCurrentReport
        let load = try context.store.bulkLoad(
            source: recordSource, fetchedAt: now, urlTemplate: template, watched: Set(watches.keys), expectedRows: expectedRows,
            cacheKiB: Self.cacheKiB, ledger: ledger
        ) { writer in
            try index.drain(into: writer, progress: progress)
        }
        let events = load.watchedFilings.flatMap { filing in
            watches[filing.cik].map { EventRaiser.events(for: filing, company: $0.name, historical: true, now: now) } ?? []
        }
        let raised = events.isEmpty ? 0 : try context.store.raise(events).count
        return Outcome(report: load.report, inserted: load.inserted, eventsRaised: raised)
    }
}
