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
    public func fetch(from: Day, until: Day, into report: inout FeedReport) async throws {
        let url = try feed.url("site", "export", ["from": from.iso, "to": until.iso])
        let unit = LedgerUnit.range(DaySpan(from, until))
        do {
            guard case .fetched(let data, _) = try await context.fetcher.fetch(url, kind: .dataFile, sec: false, feed: feed.id) else {
                throw ERMSyncError.noExport(url: url.absoluteString)
            }
            let parsed = try ERMExport.parse(data, source: url.absoluteString, siteBase: try feed.url("site"))
            let stored = try NoticeIngest(context: context).storeERM(
                parsed, feed: feed.id, unit: unit, url: url.absoluteString, coverage: DaySpan(from, until))
            report.fetched.append(unit.description)
            report.recordsStored += stored.stored
            report.eventsRaised += stored.eventsRaised
            report.malformedRows += stored.malformed
        } catch {
            try context.store.record(LedgerEntry(feed: feed.id, unit: unit, status: .failed, url: url.absoluteString, fetchedAt: context.now(), detail: error.localizedDescription))
            report.failures.append("\(unit.description): \(error.localizedDescription)")
        }
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
