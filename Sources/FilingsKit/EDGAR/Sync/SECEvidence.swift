import FilingsModel
import Foundation

/// What EDGAR says of one company's 8-Ks in a window, for `filings check`: online it first reads
/// the company's filing list and the window's 8-Ks; offline it answers from the store alone.
struct SECEvidence {
    let context: FilingsContext
    let feed: FeedDefinition

    /// The window's 8-K events, and whether the store holds the company's complete 8-K list for it
    /// with every filing's items known and every filing that needs reading read.
    ///
    /// Stored events come first; a filing with items but no stored event (an index row itemized
    /// later) is turned into item events here, not stored. Events of an unwatched company are
    /// stored as history, so a later digest never mails them.
    func evidence(cik: Int64, company: String, window: DaySpan, offline: Bool) async -> (events: [Event], coverage: SourceCoverage) {
        let scope = feed.canShow ?? ""
        do {
            var company = company
            var readFailures: [String] = []
            if !offline {
                // History pages only when the window reaches back before the recent list.
                let watched = try context.store.watch(cik: cik) != nil
                let loaded = try await SubmissionsLoader(context: context, feed: feed).load(cik: cik, historical: !watched) { oldest in
                    oldest.map { window.from.iso < $0 } ?? false
                }
                company = loaded.company.name
                let filings = try storedFilings(cik: cik, window: window)
                readFailures = try await FilingEventStage(context: context, feed: feed)
                    .run(filings, company: company, historical: !watched, readSince: window.from.iso).failures
            }
            let filings = try storedFilings(cik: cik, window: window)
            var events = try context.store.events(EventQuery(cik: cik, since: window.from.iso, until: window.until.iso))
                .filter { $0.source == .sec8k }
            let explained = Set(events.map(\.sourceRef))
            for filing in filings where !explained.contains(filing.accession) {
                events += EventRaiser.events(for: filing, company: company, historical: true, now: context.now())
            }
            // The list reaches back only as far as it was read: a history page EDGAR did not serve leaves a gap.
            let spans = try listedSpans(cik: cik)
            let listed = spans.cover(window)
            let unknownItems = filings.filter { $0.items == nil }.count
            // Online, the stage has just tried every such filing and its failures say which; offline, they are counted.
            let unread = offline
                ? try context.store.filingsAwaitingReading(cik: cik, since: window.from.iso).filter { $0.filingDate <= window.until.iso }.count
                : readFailures.count
            let coverage: SourceCoverage
            if offline {
                coverage = SourceCoverage(
                    source: .sec8k, covered: listed && unknownItems == 0 && unread == 0, from: spans.first?.from.iso,
                    until: spans.last?.until.iso,
                    note: offlineNote(cik: cik, filings: filings.count, listed: listed, spans: spans, unknownItems: unknownItems, unread: unread),
                    scope: scope)
            } else {
                let fetched = Day(context.now(), in: .eastern)
                var note = "EDGAR's filing list for CIK \(cik) read on \(fetched.iso): \(filings.count) 8-Ks in the window"
                if !listed { note += "; the list read does not reach back to \(window.from.iso) (a history page could not be read)" }
                if unknownItems > 0 { note += "; \(unknownItems) not yet itemized by EDGAR" }
                if let first = readFailures.first { note += "; \(readFailures.count) could not be read (\(first))" }
                coverage = SourceCoverage(
                    source: .sec8k, covered: listed && unknownItems == 0 && readFailures.isEmpty,
                    from: (spans.last { $0.from <= window.from } ?? spans.first)?.from.iso, until: fetched.iso, note: note, scope: scope)
            }
            return (events, coverage)
        } catch {
            return (
                [],
                SourceCoverage(
                    source: .sec8k, covered: false, from: nil, until: nil,
                    note: "could not read EDGAR for CIK \(cik): \(error.localizedDescription)", scope: scope)
            )
        }
    }

    private func storedFilings(cik: Int64, window: DaySpan) throws -> [Filing] {
        try context.store.filings(cik: cik, since: window.from.iso, until: window.until.iso, currentReportsOnly: true)
    }

    private func offlineNote(cik: Int64, filings: Int, listed: Bool, spans: [DaySpan], unknownItems: Int, unread: Int) -> String {
        guard listed else {
            let stored = spans.isEmpty ? "nothing" : spans.map { "\($0.from.iso) to \($0.until.iso)" }.joined(separator: ", ")
            return "the stored EDGAR record of CIK \(cik) does not reach this window (it holds \(stored)); offline, nothing was fetched"
        }
        var note = "EDGAR as stored (offline): \(filings) 8-Ks of CIK \(cik) in the window"
        if unknownItems > 0 { note += "; \(unknownItems) without item codes" }
        if unread > 0 { note += "; \(unread) not read yet" }
        if unknownItems + unread > 0 { note += " (run check without --offline to read EDGAR)" }
        return note
    }

    /// The days over which the store holds every 8-K of the company: its filing list as read,
    /// every stored daily index (and the weekends and holidays that have none), every backfilled
    /// quarter, every imported master index.
    func listedSpans(cik: Int64) throws -> [DaySpan] {
        let sync = EDGARSync(context: context, feed: feed)
        var spans: [DaySpan] = []
        for entry in try context.store.ledger(feed: feed.id) {
            switch entry.unit {
            case .day(let day):
                if entry.status == .ok || (entry.status == .missing && (day.isWeekend || sync.isSettledMissing(entry))) {
                    spans.append(DaySpan(day))
                }
            case .submissions(cik), .quarter, .importedIndex, .importedQuarter:
                if entry.status == .ok, let coverage = entry.coverage { spans.append(coverage) }
            case .submissions, .range, .file:
                continue
            }
        }
        return DaySpan.merged(spans)
    }
}
