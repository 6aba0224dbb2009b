import FilingsHTTP
import FilingsModel
import Foundation

/// `filings backfill`: EDGAR's quarterly master indexes, one quarter per transaction, resumable.
///
/// Each quarter's rows and its ledger entry (unit `2004Q3`) are committed together, so a run
/// stopped anywhere resumes at the first quarter not finished, without duplicating a row.
/// A quarter counts as finished when it was stored after it ended, with the forms asked for.
public struct Backfill: Sendable {
    let context: FilingsContext

    /// A backfill over `context`'s store and fetcher.
    public init(context: FilingsContext) {
        self.context = context
    }

    /// Stores every unfinished quarter from `first` through `last` (default: the current one).
    ///
    /// Stops at the first quarter that fails (recorded in the ledger and in the report).
    /// - Parameter progress: called from the running task as each index streams in.
    public func run(
        from first: Quarter, to last: Quarter? = nil, forms: IndexForms = .currentReports,
        progress: (BackfillProgress) -> Void = { _ in }
    ) async -> BackfillReport {
        var report = BackfillReport()
        do {
            let feed = try context.edgarFeed()
            let (due, done) = try quarters(from: first, to: last, forms: forms, feed: feed)
            report.skipped = done.map(\.description)
            for (offset, quarter) in due.enumerated() {
                let step = BackfillProgress(quarter: quarter.description, position: offset + 1, count: due.count, bytesRead: 0)
                progress(step)
                do {
                    try await store(quarter, forms: forms, feed: feed, into: &report) { read, total in
                        progress(BackfillProgress(quarter: step.quarter, position: step.position, count: step.count, bytesRead: read, bytesTotal: total))
                    }
                } catch {
                    try recordFailure(quarter, error, feed: feed)
                    report.failure = "\(quarter): \(error.localizedDescription)"
                    break
                }
            }
        } catch {
            report.failure = error.localizedDescription
        }
        return report
    }

    /// The quarters of the window still to store, and those an earlier run finished.
    func quarters(
        from first: Quarter, to last: Quarter?, forms: IndexForms, feed: FeedDefinition
    ) throws -> (due: [Quarter], done: [Quarter]) {
        let current = Quarter(containing: Day(context.now(), in: .eastern))
        let window = Quarter.range(max(first, .first), min(last ?? current, current))
        let finished = Dictionary(
            try context.store.ledger(feed: feed.id).compactMap { entry in entry.unit.quarter.map { ($0, entry) } },
            uniquingKeysWith: { first, _ in first })
        var due: [Quarter] = []
        var done: [Quarter] = []
        for quarter in window {
            if let entry = finished[quarter], isFinished(entry, quarter: quarter, forms: forms) {
                done.append(quarter)
            } else {
                due.append(quarter)
            }
        }
        return (due, done)
    }

    /// Stored with the forms asked for, by a run that began after the quarter's last day (Eastern).
    func isFinished(_ entry: LedgerEntry, quarter: Quarter, forms: IndexForms) -> Bool {
        guard entry.status == .ok, let stored = entry.forms, stored.covers(forms) else { return false }
        return Day(entry.fetchedAt, in: .eastern) > quarter.lastDay
    }

    private func store(
        _ quarter: Quarter, forms: IndexForms, feed: FeedDefinition, into report: inout BackfillReport,
        progress: (Int, Int?) -> Void
    ) async throws {
        let fetchedAt = context.now()
        var fetched: (URL, Data, Validators)?
        var tried: [URL] = []
        for url in try Self.urls(of: quarter, feed: feed) where fetched == nil {
            tried.append(url)
            if case .fetched(let data, let validators) = try await context.fetcher.fetch(url, kind: .quarterlyIndex, sec: true, feed: feed.id) {
                fetched = (url, data, validators)
            }
        }
        switch fetched {
        case .some((let url, let data, let validators)):
            let source = try IndexByteSource(data: data, name: url.absoluteString)
            let today = Day(fetchedAt, in: .eastern)
            let outcome = try IndexBulkIngest(context: context, feed: feed, forms: forms).run(
                source, recordSource: url.absoluteString,
                ledger: { parsed, _ in
                    LedgerEntry(
                        feed: feed.id, unit: .quarter(quarter), status: .ok, url: url.absoluteString, fetchedAt: fetchedAt,
                        etag: validators.etag, lastModified: validators.lastModified, rows: parsed.rowsKept,
                        detail: IndexIngest.note(parsed), coversFrom: quarter.firstDay.iso,
                        coversUntil: min(quarter.lastDay, today).iso, forms: forms)
                },
                progress: { progress($0, data.count) })
            report.stored.append(quarter.description)
            report.rowsKept += outcome.report.rowsKept
            report.recordsStored += outcome.inserted
            report.malformedRows += outcome.report.malformedCount
            if outcome.report.malformedCount > 0 {
                context.log("\(url.absoluteString): skipped \(outcome.report.malformedCount) malformed rows")
            }
        case .none:
            let urls = tried.map(\.absoluteString).joined(separator: " ")
            try context.store.record(
                LedgerEntry(feed: feed.id, unit: .quarter(quarter), status: .missing, url: urls, fetchedAt: fetchedAt, detail: "no index published"))
            report.missing.append(quarter.description)
        }
    }

    /// Where a quarter's master index is: the gzip copy first when the feed names one (a fifth of
    /// the bytes), then the plain one.
    static func urls(of quarter: Quarter, feed: FeedDefinition) throws -> [URL] {
        let values = ["year": String(quarter.year), "quarter": String(quarter.quarter)]
        let paths = ["quarterlyIndexGzip", "quarterlyIndex"].filter { feed.paths[$0] != nil }
        guard !paths.isEmpty else { throw FeedError.missingKey(feed: feed.id, key: "paths.quarterlyIndex") }
        return try paths.map { try feed.url("archives", $0, values) }
    }

    /// Notes a failed quarter, unless an earlier run stored it (its rows and coverage stay valid).
    private func recordFailure(_ quarter: Quarter, _ error: Error, feed: FeedDefinition) throws {
        if let previous = try context.store.ledgerEntry(feed: feed.id, unit: .quarter(quarter)), previous.status == .ok { return }
        let url = (try? Self.urls(of: quarter, feed: feed))?.last?.absoluteString ?? ""
        try context.store.record(
            LedgerEntry(feed: feed.id, unit: .quarter(quarter), status: .failed, url: url, fetchedAt: context.now(), detail: error.localizedDescription))
    }
}
