import FilingsModel
import Foundation

/// What `filings watch` did.
public struct WatchOutcome: Sendable {
    public var watch: Watch
    public var company: Company
    /// How the name matched, and the nearest other companies, for the user to check.
    public var matchedBy: String
    public var others: [NameCandidate]
    public var filingsStored: Int
    public var historicalEvents: Int
    /// Set when the history could not be loaded now; the next sync retries.
    public var historyError: String?
    /// Filings of the past year that could not be read (they keep their item events).
    public var readFailures: [String] = []
    /// Set when EDGAR served the history only from this day on (a history page was missing).
    public var historyIncompleteBefore: String?
    /// What became of the subsidiaries of its latest 10-K: "12 subsidiaries from Exhibit 21 of the 10-K filed …", or why none.
    public var subsidiaries: String?
}

/// Resolves a name to one company and starts watching it.
public struct Watcher: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Resolves `name` (or takes `cik`), stores the company's filing history, records its past events as historical, and saves the watch.
    public func watch(_ name: String, cik explicitCIK: Int64? = nil, aliases: [String] = []) async throws -> WatchOutcome {
        let feed = try context.edgarFeed()
        var match = CompanyLookup.Match(cik: explicitCIK ?? 0, matchedBy: "CIK", others: [])
        if explicitCIK == nil { match = try await CompanyLookup(context: context).refreshed(name, feed: feed) }
        let cik = match.cik
        let existing = try context.store.watch(cik: cik)
        let known = try context.store.company(cik: cik) ?? Company(cik: cik, name: name, source: "")
        let watch = Watch(
            cik: cik, name: known.name, aliases: Array(Set((existing?.aliases ?? []) + aliases)).sorted(),
            createdAt: existing?.createdAt ?? context.now(), historyLoadedAt: existing?.historyLoadedAt)
        try context.store.saveWatch(watch)
        var outcome = WatchOutcome(watch: watch, company: known, matchedBy: match.matchedBy, others: match.others, filingsStored: 0, historicalEvents: 0)
        do {
            let history = try await HistoryLoader(context: context, feed: feed).load(watch)
            outcome.watch = history.watch
            outcome.company = history.company
            outcome.filingsStored = history.filingsStored
            outcome.historicalEvents = history.eventsRaised
            outcome.readFailures = history.readFailures
            outcome.historyIncompleteBefore = history.incompleteBefore
            outcome.subsidiaries = await subsidiaries(cik: cik, annual: history.latestAnnualReport, feed: feed)
        } catch {
            outcome.historyError = error.localizedDescription
        }
        // Its aliases may make a stored notice its own where no single company was linked before.
        try RecordLinker(context: context).linkAll()
        // WARN notices and ERM reports already stored may name the new watch (under its former names too).
        let notices = try NoticeRaiser.raiseForWatches(context, warn: try context.store.warnNotices(), erm: try context.store.ermEvents())
        outcome.historicalEvents += notices.raised
        return outcome
    }
}

extension Watcher {
    /// Reads the subsidiaries of the company's latest 10-K; a failure is said, not fatal: the names
    /// EDGAR gives still match, and the next watch or sync tries again.
    func subsidiaries(cik: Int64, annual: SubmissionFiling?, feed: FeedDefinition) async -> String {
        do {
            switch try await SubsidiaryLoader(context: context, feed: feed).load(cik: cik, annual: annual) {
            case .current(let count), .stored(let count, _):
                let filed = try context.store.subsidiaries(cik: cik).first?.from.map { " of the 10-K filed \($0)" } ?? ""
                return "\(count) subsidiar\(count == 1 ? "y" : "ies") from Exhibit 21\(filed)"
            case .noExhibit(let accession): return "its latest 10-K (\(accession)) has no Exhibit 21"
            case .noAnnualReport: return "no 10-K on file, so no list of subsidiaries"
            }
        } catch {
            return "subsidiaries not read: \(error.localizedDescription)"
        }
    }

    /// Finds the watch a user names by CIK, ticker, name or alias among the current watches.
    public func findWatch(_ query: String) throws -> Watch? {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let watches = try context.store.watches()
        if let cik = Int64(trimmed), let watch = watches.first(where: { $0.cik == cik }) { return watch }
        let normalized = CompanyName.normalize(trimmed)
        return try watches.first { watch in
            let company = try context.store.company(cik: watch.cik)
            let names = [watch.name] + watch.aliases + (company?.formerNames.map(\.name) ?? [])
            return names.contains { CompanyName.normalize($0) == normalized }
                || (company?.tickers.contains { $0.uppercased() == trimmed.uppercased() } ?? false)
        }
    }

    /// Stops watching the company the user names; its stored filings and events stay.
    public func unwatch(_ query: String) throws -> Watch {
        guard let watch = try findWatch(query) else { throw UnwatchError.notWatched(query) }
        try context.store.removeWatch(cik: watch.cik)
        return watch
    }
}
