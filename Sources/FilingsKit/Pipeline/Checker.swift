import Foundation

/// `filings check`: fetches what a window needs, on demand, and answers "is there any record?" per claim.
public struct Checker: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Resolves `name`, reads every source for `since...until` (fetching what is missing), and returns a verdict per claim.
    ///
    /// `offline` answers from the database alone: no request is made, and a source whose stored
    /// record does not reach the window is `not-covered`, saying so.
    public func check(
        _ name: String, cik explicitCIK: Int64? = nil, since: Day, until: Day?, claims: [Claim], offline: Bool = false
    ) async throws -> CheckResult {
        let feed = try context.edgarFeed()
        let today = Day(context.now(), in: .eastern)
        let until = min(until ?? today, today)
        let cik = try await resolve(name, explicitCIK: explicitCIK, feed: feed, offline: offline)
        var coverage: [SourceCoverage] = []
        var events: [Event] = []

        let sec: (events: [Event], coverage: SourceCoverage)
        if offline {
            let companyName = try context.store.company(cik: cik)?.name ?? name
            sec = try StoredSECEvidence(context: context, feed: feed).evidence(cik: cik, company: companyName, since: since, until: until)
        } else {
            sec = await secEvidence(cik: cik, since: since, until: until, feed: feed)
        }
        coverage.append(sec.coverage)
        events += sec.events
        let company = try context.store.company(cik: cik)
        let names = WatchNames.names(company: company, watch: try context.store.watch(cik: cik))
        for source in [SourceKind.caWarn, .euErm] {
            let notices = await NoticeEvidence(context: context).evidence(
                source: source, cik: cik, names: names, since: since, until: until, offline: offline)
            coverage.append(notices.coverage)
            events += notices.events
        }
        return CheckResult(
            company: company?.name ?? name, cik: cik, since: since.iso, until: until.iso,
            claims: claims.map { CheckVerdicts.verdict(for: $0, events: events, coverage: coverage) })
    }

    /// The CIK `name` means: offline, only from stored names (a watch, a CIK, an exact name).
    private func resolve(_ name: String, explicitCIK: Int64?, feed: FeedDefinition, offline: Bool) async throws -> Int64 {
        let watcher = Watcher(context: context)
        if offline { return try explicitCIK ?? watcher.cik(naming: name) }
        return try await watcher.resolve(name, explicitCIK: explicitCIK, feed: feed).0
    }

    /// Reads the company's submissions and the 8-Ks in the window, then takes the stored events of the window as evidence.
    ///
    /// Events of an unwatched company are stored as history, so a later digest never mails them.
    func secEvidence(cik: Int64, since: Day, until: Day, feed: FeedDefinition) async -> (events: [Event], coverage: SourceCoverage) {
        let scope = CheckVerdicts.scope(of: .sec8k)
        do {
            // History pages only when the window reaches back before the recent list.
            let watched = try context.store.watch(cik: cik) != nil
            let loaded = try await SubmissionsLoader(context: context, feed: feed).load(cik: cik, historical: !watched) { oldest in
                oldest.map { since.iso < $0 } ?? false
            }
            let filings = try context.store.filings(cik: cik, since: since.iso, until: until.iso, currentReportsOnly: true)
            let stage = try await FilingEventStage(context: context, feed: feed)
                .run(filings, company: loaded.company.name, historical: !watched, readSince: since.iso)
            let events = try context.store.events(EventQuery(cik: cik, since: since.iso, until: until.iso)).filter { $0.source == .sec8k }
            let fetched = Day(context.now(), in: .eastern)
            let unknownItems = filings.filter { $0.items == nil }.count
            // The list reaches back only as far as it was read: a history page EDGAR did not serve leaves a gap.
            let spans = try StoredSECEvidence(context: context, feed: feed).listedSpans(cik: cik)
            let listed = DaySpans.covers(spans, since: since, until: until)
            var note = "EDGAR's filing list for CIK \(cik) read on \(fetched.iso): \(filings.count) 8-Ks in the window"
            if !listed { note += "; the list read does not reach back to \(since.iso) (a history page could not be read)" }
            if unknownItems > 0 { note += "; \(unknownItems) not yet itemized by EDGAR" }
            if let first = stage.failures.first { note += "; \(stage.failures.count) could not be read (\(first))" }
            let covered = listed && unknownItems == 0 && stage.failures.isEmpty
            let from = spans.last { $0.from <= since.iso }?.from ?? spans.first?.from
            return (events, SourceCoverage(source: .sec8k, covered: covered, from: from, until: fetched.iso, note: note, scope: scope))
        } catch {
            return ([], SourceCoverage(source: .sec8k, covered: false, from: nil, until: nil, note: "could not read EDGAR for CIK \(cik): \(error.localizedDescription)", scope: scope))
        }
    }
}
