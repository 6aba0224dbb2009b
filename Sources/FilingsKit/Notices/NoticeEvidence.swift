import FilingsModel
import Foundation

/// What a notice source (a state's WARN notices, Eurofound's ERM) says about one company in a
/// window, for `filings check`.
struct NoticeEvidence {
    let context: FilingsContext

    /// Coverage of `feed`'s source for the window (fetching on demand when the stored data does not
    /// reach it, unless `offline`) and the events it holds.
    func evidence(
        feed: FeedDefinition, cik: Int64, names: [KnownName], window: DaySpan, offline: Bool = false
    ) async -> (events: [Event], coverage: SourceCoverage) {
        let scope = feed.canShow ?? ""
        do {
            var spans = try coveredSpans(feed: feed)
            var failures: [String] = []
            if !offline, !spans.cover(window) {
                let report = await sync(feed, window: window)
                failures = report.failures + report.standing
                spans = try coveredSpans(feed: feed)
            }
            let covered = spans.cover(window)
            let events = try matchingEvents(feed: feed, cik: cik, names: names, window: window)
            let note = covered
                ? "\(feed.title) as stored"
                : Self.gapNote(feed: feed, window: window, spans: spans, failures: failures, offline: offline)
            return (
                events,
                SourceCoverage(
                    source: feed.source, covered: covered, from: spans.first?.from.iso, until: spans.last?.until.iso, note: note,
                    scope: scope)
            )
        } catch {
            return (
                [],
                SourceCoverage(
                    source: feed.source, covered: false, from: nil, until: nil,
                    note: "could not read \(feed.title): \(error.localizedDescription)", scope: scope)
            )
        }
    }

    /// Says which days of the window the stored record lacks, and only then why a fetch failed:
    /// a broken file of 2020 is not the reason 2023 is missing unless nothing else reached 2023.
    static func gapNote(feed: FeedDefinition, window: DaySpan, spans: [DaySpan], failures: [String], offline: Bool) -> String {
        let gaps = window.gaps(in: spans).map(\.description).joined(separator: ", ")
        // What is stored is in the coverage's from and until; the note says what is missing.
        var note = "\(feed.title): nothing stored for \(gaps)" + (spans.isEmpty ? " (nothing stored at all)" : "")
        if offline {
            note += "; offline: nothing was fetched"
        } else if let first = failures.first {
            // Said as what happened, not as the cause: which days a failed file would have held is not known.
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            note += "; fetching it now, could not read \(feed.title): \(first)\(more)"
        } else {
            note += "; what it publishes does not reach this window"
        }
        return note
    }

    /// Reads the feed again, as `sync` would, so the window's notices are stored if the source has them.
    private func sync(_ feed: FeedDefinition, window: DaySpan) async -> FeedReport {
        var report = FeedReport(feed: feed.id)
        switch feed.kind {
        case .californiaWarn:
            report = await WarnSync(context: context, feed: feed).run()
        case .stateWarn:
            report = await StateWarnSync(context: context, feed: feed).run()
        case .eurofoundERM:
            do {
                try await ERMSync(context: context, feed: feed).fetch(from: window.from, until: window.until, into: &report)
            } catch {
                report.failures.append(error.localizedDescription)
            }
        case .secEdgar:
            break
        }
        return report
    }

    /// The stored notices in the window that name the company, as events (not stored).
    func matchingEvents(feed: FeedDefinition, cik: Int64, names: [KnownName], window: DaySpan) throws -> [Event] {
        let matcher = NoticeMatcher(names: names)
        let linked = Dictionary(try context.store.links(cik: cik).map { ($0.record, $0) }) { first, _ in first }
        let company = names.first?.name ?? String(cik)
        switch feed.kind {
        case .californiaWarn, .stateWarn:
            // A notice's date is its notice date, else the day the state received it (some states give only that).
            let notices = try context.store.warnNotices(source: feed.source).filter { notice in
                (notice.noticeDate ?? notice.receivedDate ?? notice.effectiveDate).flatMap(Day.init).map { window.contains($0) } ?? false
            }
            return NoticeEvents.warnEvents(
                letters: notices, company: company, cik: cik, matcher: matcher, historicalBefore: nil, now: context.now(),
                reportURLs: try context.store.warnReportURLs(keys: notices.map(\.key)), linked: linked,
                siteNote: KnownSites(context: context, cik: cik, names: names).note)
        case .eurofoundERM:
            let events = try context.store.ermEvents(since: window.from.iso, until: window.until.iso)
            return NoticeEvents.ermEvents(
                events, company: company, cik: cik, matcher: matcher, historicalBefore: nil, now: context.now(), linked: linked)
        case .secEdgar:
            return []
        }
    }

    /// The spans of days the feed's stored files speak for, sorted and merged where they touch.
    func coveredSpans(feed: FeedDefinition) throws -> [DaySpan] {
        DaySpan.merged(try context.store.ledger(feed: feed.id).filter(\.holdsData).compactMap(\.coverage))
    }
}
