import Foundation

/// What the WARN and ERM sources say about one company in a window, for `filings check`.
struct NoticeEvidence {
    let context: FilingsContext

    /// Coverage of `source` for the window (fetching on demand when the stored data does not reach
    /// it, unless `offline`) and the events it holds.
    func evidence(
        source: SourceKind, cik: Int64, names: [NoticeMatcher.Name], since: Day, until: Day, offline: Bool = false
    ) async -> (events: [Event], coverage: SourceCoverage) {
        let scope = CheckVerdicts.scope(of: source)
        guard let feed = context.feeds.feeds.first(where: { $0.kind == NoticeEvidence.feedKind(source) }) else {
            return ([], SourceCoverage(source: source, covered: false, from: nil, until: nil, note: "no feed for \(source.rawValue) in \(context.feeds.directory)", scope: scope))
        }
        do {
            var span = try coveredSpan(feed: feed)
            var problem: String?
            if !offline, !DaySpans.covers(span, since: since, until: until) {
                var report = FeedReport(feed: feed.id)
                switch source {
                case .caWarn: report = await WarnSync(context: context, feed: feed).run()
                case .euErm: try await ERMSync(context: context, feed: feed).fetch(from: since, until: until, into: &report)
                case .sec8k: break
                }
                problem = report.failures.first
                span = try coveredSpan(feed: feed)
            }
            let covered = DaySpans.covers(span, since: since, until: until)
            let events = try matchingEvents(source: source, cik: cik, names: names, since: since, until: until)
            var note = span.isEmpty ? "\(feed.title): nothing stored" : "\(feed.title) as stored"
            if !covered {
                note = problem.map { "could not read \(feed.title): \($0)" }
                    ?? (offline
                        ? "\(feed.title): what is stored does not reach this window (offline: nothing was fetched)"
                        : "\(feed.title) does not reach this window")
            }
            return (events, SourceCoverage(source: source, covered: covered, from: span.first?.from, until: span.last?.until, note: note, scope: scope))
        } catch {
            return ([], SourceCoverage(source: source, covered: false, from: nil, until: nil, note: "could not read \(feed.title): \(error.localizedDescription)", scope: scope))
        }
    }

    /// The stored notices in the window that name the company, as events (not stored).
    func matchingEvents(source: SourceKind, cik: Int64, names: [NoticeMatcher.Name], since: Day, until: Day) throws -> [Event] {
        let matcher = NoticeMatcher(names: names)
        let company = names.first?.name ?? String(cik)
        switch source {
        case .caWarn:
            let notices = try context.store.warnNotices(since: since.iso, until: until.iso)
            return NoticeEvents.warnEvents(
                letters: notices, company: company, cik: cik, matcher: matcher, historicalBefore: nil, now: context.now(),
                reportURLs: try context.store.warnReportURLs(keys: notices.map(\.key)))
        case .euErm:
            let events = try context.store.ermEvents(since: since.iso, until: until.iso)
            return NoticeEvents.ermEvents(events, company: company, cik: cik, matcher: matcher, historicalBefore: nil, now: context.now())
        case .sec8k:
            return []
        }
    }

    /// The spans of days the feed's stored files speak for, sorted and merged where they touch.
    func coveredSpan(feed: FeedDefinition) throws -> [DaySpans.Span] {
        DaySpans.merged(
            try context.store.ledger(feed: feed.id).filter { $0.status == .ok }
                .compactMap { entry in entry.coversFrom.flatMap { from in entry.coversUntil.map { (from: from, until: $0) } } })
    }

    static func feedKind(_ source: SourceKind) -> String {
        switch source {
        case .sec8k: "sec-edgar"
        case .caWarn: "ca-edd-warn"
        case .euErm: "eurofound-erm"
        }
    }
}
