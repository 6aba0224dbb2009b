import FilingsModel
import Foundation

/// The Eurofound stage: the ERM CSV export for a date range, stored by event id, matched to watched companies.
public struct ERMSync: Sendable {
    let context: FilingsContext
    let feed: FeedDefinition

    public init(context: FilingsContext, feed: FeedDefinition) {
        self.context = context
        self.feed = feed
    }

    /// Fetches from a week before the last covered day (late additions) through today, or `firstSyncDays` on the first run.
    public func run() async -> FeedReport {
        var report = FeedReport(feed: feed.id)
        do {
            let today = Day(context.now(), in: .eastern)
            let covered = try context.store.ledger(feed: feed.id).filter { $0.status == .ok }.compactMap { $0.coversUntil.flatMap(Day.init) }.max()
            let from = covered?.adding(days: -7) ?? today.adding(days: -(feed.firstSyncDays ?? 365))
            try await fetch(from: from, until: today, into: &report)
        } catch {
            report.failures.append(error.localizedDescription)
        }
        return report
    }

    /// Fetches the export for `from...until`, stores it with its coverage, and raises events for watched companies.
    ///
    /// Health as for the WARN files: a failure that repeats the one reported last is a standing gap,
    /// and an export listing no event where the store holds some for its days (a bot wall answering
    /// 200 with a header alone) is suspect: nothing of it stored, its body kept aside.
    public func fetch(from: Day, until: Day, into report: inout FeedReport) async throws {
        let url = try feed.url("site", "export", ["from": from.iso, "to": until.iso])
        let unit = LedgerUnit.range(DaySpan(from, until))
        // The range moves every night; messages name the export without it, so the same trouble reads the same.
        let export = Self.withoutQuery(url)
        let lastTrouble = try context.store.ledger(feed: feed.id).max { $0.fetchedAt < $1.fetchedAt }.flatMap { $0.isTrouble ? $0 : nil }
        do {
            guard case .fetched(let data, _) = try await context.fetcher.fetch(url, kind: .dataFile, sec: false, feed: feed.id) else {
                throw ERMSyncError.noExport(url: url.absoluteString)
            }
            let parsed = try ERMExport.parse(data, source: url.absoluteString, siteBase: try feed.url("site"))
            if parsed.events.isEmpty, case let known = try context.store.ermEvents(since: from.iso, until: until.iso).count, known > 0 {
                let reason = "suspect: the export lists no event where \(known) are stored for the days it asks for; nothing of it stored, the earlier reads kept"
                // A new range holds nothing yet: the entry carries no rows and speaks for no day.
                let empty = LedgerEntry(feed: feed.id, unit: unit, status: .suspect, url: url.absoluteString, fetchedAt: context.now())
                let said = try SuspectFile(context: context, feed: feed.id).keep(data, url: export, unit: unit, reason: reason, previous: empty)
                report.fail(unit.description, said, previous: lastTrouble)
                return
            }
            let stored = try NoticeIngest(context: context).storeERM(
                parsed, feed: feed.id, unit: unit, url: url.absoluteString, coverage: DaySpan(from, until))
            report.stored(unit.description, previous: lastTrouble)
            // The failed ranges of the nights before start on or after this one's first day and end
            // before its last: this read speaks for them, so they no longer fail in `status`.
            for entry in try context.store.ledger(feed: feed.id) where entry.isTrouble && entry.unit != unit {
                if case .range(let span) = entry.unit, span.from >= from, span.until <= until { try context.store.forget(feed: feed.id, unit: entry.unit) }
            }
            report.recordsStored += stored.stored
            report.eventsRaised += stored.eventsRaised
            report.malformedRows += stored.malformed
        } catch {
            let reason = error.localizedDescription.replacingOccurrences(of: url.absoluteString, with: export)
            try context.store.record(LedgerEntry(feed: feed.id, unit: unit, status: .failed, url: url.absoluteString, fetchedAt: context.now(), detail: reason))
            report.fail(unit.description, reason, previous: lastTrouble)
        }
    }

    /// `url` without its query: the export's address, whatever range it asks for.
    static func withoutQuery(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url.absoluteString }
        parts.query = nil
        return parts.string ?? url.absoluteString
    }
}

/// Why the Eurofound feed failed.
public enum ERMSyncError: LocalizedError, Equatable {
    case noExport(url: String)

    public var errorDescription: String? {
        switch self {
        case .noExport(let url): "Eurofound's export is not at \(url); update Feeds/eu-erm.json"
        }
    }
}
