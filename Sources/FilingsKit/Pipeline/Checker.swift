import Foundation

/// `filings check`: fetches what a window needs, on demand, and answers "is there any record?" per claim.
public struct Checker: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Resolves `name`, reads every source for `since...until` (fetching what is missing), and returns a verdict per claim.
    public func check(_ name: String, cik explicitCIK: Int64? = nil, since: Day, until: Day?, claims: [Claim]) async throws -> CheckResult {
        let feed = try context.edgarFeed()
        let today = Day(context.now(), in: .eastern)
        let until = min(until ?? today, today)
        let (cik, _, _) = try await Watcher(context: context).resolve(name, explicitCIK: explicitCIK, feed: feed)
        var coverage: [SourceCoverage] = []
        var events: [Event] = []

        let sec = await secEvidence(cik: cik, since: since, until: until, feed: feed)
        coverage.append(sec.coverage)
        events += sec.events
        let company = try context.store.company(cik: cik)
        let names = WatchNames.names(company: company, watch: try context.store.watch(cik: cik))
        for source in [SourceKind.caWarn, .euErm] {
            let notices = await NoticeEvidence(context: context).evidence(source: source, cik: cik, names: names, since: since, until: until)
            coverage.append(notices.coverage)
            events += notices.events
        }
        return CheckResult(
            company: company?.name ?? name, cik: cik, since: since.iso, until: until.iso,
            claims: claims.map { CheckVerdicts.verdict(for: $0, events: events, coverage: coverage) })
    }

    /// Reads the company's submissions (with history when the window is old) and its 8-Ks in the window.
    func secEvidence(cik: Int64, since: Day, until: Day, feed: FeedDefinition) async -> (events: [Event], coverage: SourceCoverage) {
        let scope = CheckVerdicts.scope(of: .sec8k)
        do {
            let loaded = try await SubmissionsLoader(context: context, feed: feed).load(cik: cik, includeHistory: true)
            let filings = try context.store.filings(cik: cik, since: since.iso, until: until.iso, currentReportsOnly: true)
            let stored = try context.store.events(EventQuery(cik: cik, since: since.iso, until: until.iso))
                .filter { $0.source == .sec8k }
            let readRefs = Set(stored.filter { $0.kind != .officerChange }.map(\.sourceRef))
            // Stored events carry what reading the documents found; unread filings speak through their item codes.
            let fromItems = filings.filter { !readRefs.contains($0.accession) }.flatMap {
                EventRaiser.events(for: $0, company: loaded.company.name, historical: false, now: context.now())
            }
            let events = stored.filter { $0.kind != .officerChange || !readRefs.contains($0.sourceRef) }
                + fromItems.filter { event in !stored.contains { $0.key == event.key } }
            let fetched = Day(context.now(), in: .eastern)
            let unknownItems = filings.filter { $0.items == nil }.count
            var note = "read EDGAR's filing list for CIK \(cik) on \(fetched.iso): \(filings.count) 8-Ks in the window. \(scope)"
            if unknownItems > 0 { note += ". \(unknownItems) of them not yet itemized by EDGAR" }
            return (events, SourceCoverage(source: .sec8k, covered: unknownItems == 0, from: "1994-01-01", until: fetched.iso, note: note))
        } catch {
            return ([], SourceCoverage(source: .sec8k, covered: false, from: nil, until: nil, note: "could not read EDGAR for CIK \(cik): \(error.localizedDescription). \(scope)"))
        }
    }
}
