import FilingsHTTP
import FilingsModel
import Foundation

/// The nightly EDGAR stage: daily indexes since the last good day, then item codes and events for watched companies.
public struct EDGARSync: Sendable {
    let context: FilingsContext
    let feed: FeedDefinition

    public init(context: FilingsContext, feed: FeedDefinition) {
        self.context = context
        self.feed = feed
    }

    /// Fetches every day that is due (or `since...until`), stores the 8-K family, and raises events for watched companies.
    public func run(since: Day? = nil, until: Day? = nil) async -> FeedReport {
        var report = FeedReport(feed: feed.id)
        do {
            for day in try daysDue(since: since, until: until) {
                if day.isWeekend {
                    try context.store.record(LedgerEntry(feed: feed.id, unit: .day(day), status: .missing, url: "", fetchedAt: context.now(), detail: "weekend: EDGAR publishes no index"))
                    report.missing.append(day.iso)
                    continue
                }
                if try await !syncDay(day, into: &report) { break }
            }
            try await refreshWatched(into: &report)
        } catch {
            report.failures.append(error.localizedDescription)
        }
        return report
    }

    /// Days to fetch: the window asked for, else failed and not-yet-published days plus every day after the last one seen.
    func daysDue(since: Day?, until: Day?) throws -> [Day] {
        let today = Day(context.now(), in: .eastern)
        let last = min(until ?? today, today)
        if let since { return Day.range(since, last) }
        let ledger = try context.store.ledger(feed: feed.id)
        guard let newest = ledger.compactMap(\.unit.day).max() else {
            return Day.range(today.adding(days: -((feed.firstSyncDays ?? 7) - 1)), last)
        }
        let retry = ledger.filter { entry in
            entry.status == .failed || (entry.status == .missing && !isSettledMissing(entry))
        }.compactMap(\.unit.day)
        return Array(Set(retry + Day.range(newest.adding(days: 1), last))).filter { $0 <= last }.sorted()
    }

    /// A missing index is final once the day is well past (EDGAR publishes around 22:00 Eastern); before that it may still come.
    func isSettledMissing(_ entry: LedgerEntry) -> Bool {
        guard let day = entry.unit.day else { return true }
        return entry.fetchedAt > day.adding(days: 1).start.addingTimeInterval(12 * 3600)
    }

    /// Fetches and stores one daily index. Returns false when SEC requests must stop (rate limit or ban).
    func syncDay(_ day: Day, into report: inout FeedReport) async throws -> Bool {
        let url = try feed.url(
            "archives", "dailyIndex", ["year": String(day.year), "quarter": String(day.quarter), "yyyymmdd": day.compact])
        let previous = try context.store.ledgerEntry(feed: feed.id, unit: .day(day))
        let validators = previous.flatMap { $0.status == .ok ? Validators(etag: $0.etag, lastModified: $0.lastModified) : nil }
        let entry = { (status: LedgerEntry.Status, validators: Validators?, rows: Int, detail: String?) in
            LedgerEntry(feed: feed.id, unit: .day(day), status: status, url: url.absoluteString, fetchedAt: context.now(),
                        etag: validators?.etag, lastModified: validators?.lastModified, rows: rows, detail: detail,
                        forms: status == .ok ? .currentReports : nil)
        }
        do {
            switch try await context.fetcher.fetch(url, expecting: .index, validators: validators, sec: true) {
            case .fetched(let data, let newValidators):
                // The one master-index reader `import` and `backfill` use; the day's ledger entry is committed with its rows.
                let stored = try IndexBulkIngest(context: context, feed: feed, forms: .currentReports).run(
                    try IndexByteSource(data: data, name: url.absoluteString), recordSource: url.absoluteString,
                    ledger: { parsed, _ in entry(.ok, newValidators, parsed.rowsKept, IndexIngest.note(parsed)) })
                report.stored(day.iso, previous: previous)
                report.recordsStored += stored.inserted
                report.malformedRows += stored.report.malformedCount
                if let note = IndexIngest.note(stored.report) { context.log("\(url.absoluteString): \(note)") }
            case .notModified:
                try context.store.record(entry(.ok, validators, previous?.rows ?? 0, previous?.detail))
                report.unchanged.append(day.iso)
            case .missing:
                try context.store.record(entry(.missing, nil, 0, "no index published"))
                report.missing.append(day.iso)
            }
            return true
        } catch {
            try context.store.record(entry(.failed, nil, 0, error.localizedDescription))
            report.fail(day.iso, error.localizedDescription, previous: previous)
            // A server still unreachable after the client's retries will not answer for the next day either;
            // any other failure is the day's own, and later days still run.
            if let error = error as? HTTPError, error.isUnreachable { return false }
            return !EDGARSync.stopsSECRequests(error)
        }
    }

    /// Loads history for new watches and item codes for watched companies' new 8-Ks, then raises their events.
    func refreshWatched(into report: inout FeedReport) async throws {
        let loader = SubmissionsLoader(context: context, feed: feed)
        let watches = try context.store.watches()
        let awaiting = Set(try context.store.currentReportsAwaitingItems().map(\.cik))
        for watch in watches {
            do {
                try await raiseInterrupted(watch, into: &report)
                if watch.historyLoadedAt == nil {
                    // A watch whose first load failed (`watch` said so): loaded now, all of it history.
                    let history = try await HistoryLoader(context: context, feed: feed).load(watch)
                    report.eventsRaised += history.eventsRaised
                    report.failures += history.readFailures
                    try await refreshSubsidiaries(watch, annual: history.latestAnnualReport)
                    continue
                }
                guard awaiting.contains(watch.cik) else {
                    try await retryReading(watch, into: &report)
                    continue
                }
                let outcome = try await loader.load(cik: watch.cik, includeHistory: false, historical: false)
                try await refreshSubsidiaries(watch, annual: outcome.latestAnnualReport)
                let stage = try await FilingEventStage(context: context, feed: feed)
                    .run(outcome.changed, company: outcome.company.name, historical: false, readSince: "")
                report.eventsRaised += stage.eventsRaised
                report.failures += stage.failures
            } catch {
                report.failures.append("submissions of \(watch.name) (CIK \(watch.cik)): \(error.localizedDescription)")
                if EDGARSync.stopsSECRequests(error) { return }
            }
        }
    }

    /// Reads Exhibit 21 of a 10-K newer than the one stored, whenever the filing list is read, and links
    /// the stored notices again when the names changed. Not a failure of the night: the names EDGAR
    /// gives still match, and the next read tries again; it is logged.
    func refreshSubsidiaries(_ watch: Watch, annual: SubmissionFiling?) async throws {
        do {
            if case .stored = try await SubsidiaryLoader(context: context, feed: feed).load(cik: watch.cik, annual: annual) {
                try RecordLinker(context: context).linkAll()
                _ = try NoticeRaiser.raiseForWatches(context, warn: try context.store.warnNotices(), erm: try context.store.ermEvents())
            }
        } catch {
            if EDGARSync.stopsSECRequests(error) { throw error }
            context.log("subsidiaries of \(watch.name) (CIK \(watch.cik)) not read: \(error.localizedDescription); tried again the next time its filing list is read")
        }
    }

    /// Raises the events of filings whose item codes an earlier run stored but which it did not live
    /// to raise, as history or news as that run meant them; filings of the last 30 days are read.
    func raiseInterrupted(_ watch: Watch, into report: inout FeedReport) async throws {
        let interrupted = try context.store.filingsAwaitingEvents(cik: watch.cik)
        guard !interrupted.isEmpty else { return }
        let readSince = Day(context.now(), in: .eastern).adding(days: -30).iso
        let stage = FilingEventStage(context: context, feed: feed)
        for historical in [true, false] {
            let filings = interrupted.filter { $0.historical == historical }.map(\.filing)
            guard !filings.isEmpty else { continue }
            let outcome = try await stage.run(filings, company: watch.name, historical: historical, readSince: readSince)
            report.eventsRaised += outcome.eventsRaised
            report.failures += outcome.failures
        }
    }

    /// Reads again the recent filings of a watched company whose reading failed before (they keep their item events meanwhile).
    func retryReading(_ watch: Watch, into report: inout FeedReport) async throws {
        let unread = try context.store.filingsAwaitingReading(cik: watch.cik, since: Day(context.now(), in: .eastern).adding(days: -30).iso)
        guard !unread.isEmpty else { return }
        let reading = await FilingReader(context: context, feed: feed).read(unread, company: watch.name, historical: false)
        report.eventsRaised += reading.eventsRaised
        report.failures += reading.failures
    }

    /// True for errors after which no SEC request may be made (rate limit, ban, no User-Agent).
    static func stopsSECRequests(_ error: Error) -> Bool {
        switch error {
        case HTTPError.rateLimited, HTTPError.banned, HTTPError.noUserAgent: true
        default: false
        }
    }
}
