import Foundation

/// What the stored EDGAR record says of one company's 8-Ks in a window, with no network: the
/// offline half of `filings check`.
struct StoredSECEvidence {
    let context: FilingsContext
    let feed: FeedDefinition

    /// The window's 8-K events, and whether the store holds the company's complete 8-K list for it
    /// with every filing's items known and every filing that needs reading read.
    ///
    /// Stored events come first; a filing with items but no stored event (an index row itemized
    /// later) is turned into item events here, not stored.
    func evidence(cik: Int64, company: String, since: Day, until: Day) throws -> (events: [Event], coverage: SourceCoverage) {
        let filings = try context.store.filings(cik: cik, since: since.iso, until: until.iso, currentReportsOnly: true)
        var events = try context.store.events(EventQuery(cik: cik, since: since.iso, until: until.iso)).filter { $0.source == .sec8k }
        let explained = Set(events.map(\.sourceRef))
        for filing in filings where !explained.contains(filing.accession) {
            events += EventRaiser.events(for: filing, company: company, historical: true, now: context.now())
        }
        let spans = try listedSpans(cik: cik)
        let listed = DaySpans.covers(spans, since: since, until: until)
        let unknownItems = filings.filter { $0.items == nil }.count
        // As online, where a filing that could not be read leaves the window not covered.
        let unread = try context.store.filingsAwaitingReading(cik: cik, since: since.iso).filter { $0.filingDate <= until.iso }.count
        var note: String
        if listed {
            note = "EDGAR as stored (offline): \(filings.count) 8-Ks of CIK \(cik) in the window"
            if unknownItems > 0 { note += "; \(unknownItems) without item codes" }
            if unread > 0 { note += "; \(unread) not read yet" }
            if unknownItems + unread > 0 { note += " (run check without --offline to read EDGAR)" }
        } else {
            let stored = spans.isEmpty ? "nothing" : spans.map { "\($0.from) to \($0.until)" }.joined(separator: ", ")
            note = "the stored EDGAR record of CIK \(cik) does not reach this window (it holds \(stored)); offline, nothing was fetched"
        }
        let coverage = SourceCoverage(
            source: .sec8k, covered: listed && unknownItems == 0 && unread == 0, from: spans.first?.from, until: spans.last?.until, note: note,
            scope: CheckVerdicts.scope(of: .sec8k))
        return (events, coverage)
    }

    /// The days over which the store holds every 8-K of the company: its submissions list as read,
    /// every stored daily index (and the weekends and holidays that have none), every backfilled
    /// quarter, every imported master index.
    func listedSpans(cik: Int64) throws -> [DaySpans.Span] {
        let sync = EDGARSync(context: context, feed: feed)
        let submissionsUnit = SubmissionsLoader.ledgerUnit(cik: cik)
        var spans: [DaySpans.Span] = []
        for entry in try context.store.ledger(feed: feed.id) {
            if let day = Day(entry.unit) {
                if entry.status == .ok || (entry.status == .missing && (day.isWeekend || sync.isSettledMissing(entry))) {
                    spans.append((day.iso, day.iso))
                }
            } else if entry.status == .ok,
                entry.unit == submissionsUnit || BackfillQuarter(entry.unit) != nil || entry.unit.hasPrefix(ImportedIndexCoverage.unitPrefix),
                let from = entry.coversFrom, let until = entry.coversUntil
            {
                spans.append((from, until))
            }
        }
        return DaySpans.merged(spans)
    }
}
