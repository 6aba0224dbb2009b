import FilingsModel
import Foundation

/// The first load of a watched company's filing history, the one way `watch` and the first `sync`
/// after an interrupted watch do it: the whole filing list (history pages too), the past year's
/// 8-Ks read, everything raised as history (never mailed), and the watch marked loaded.
struct HistoryLoader {
    let context: FilingsContext
    let feed: FeedDefinition

    /// What the load did.
    struct Outcome {
        var watch: Watch
        var company: Company
        /// The company's 8-Ks now stored.
        var filingsStored: Int
        var eventsRaised: Int
        /// Filings of the past year that could not be read (they keep their item events; sync retries them).
        var readFailures: [String]
        /// The first day of a history EDGAR served only in part (a history page missing); nil when whole.
        var incompleteBefore: String?
        /// The latest 10-K the filing list names.
        var latestAnnualReport: SubmissionFiling?
    }

    /// Loads `watch`'s history and saves the watch as loaded, under the company's current name.
    func load(_ watch: Watch) async throws -> Outcome {
        let loaded = try await SubmissionsLoader(context: context, feed: feed).load(cik: watch.cik, includeHistory: true, historical: true)
        var watch = watch
        watch.name = loaded.company.name
        watch.historyLoadedAt = context.now()
        try context.store.saveWatch(watch)
        let stored = try context.store.filings(cik: watch.cik, currentReportsOnly: true)
        // The past year's 8-Ks are read so the history says who left and what was cut; all of it is history.
        let stage = try await FilingEventStage(context: context, feed: feed).run(
            stored, company: loaded.company.name, historical: true, readSince: Day(context.now(), in: .eastern).adding(days: -365).iso)
        return Outcome(
            watch: watch, company: loaded.company, filingsStored: stored.count, eventsRaised: stage.eventsRaised, readFailures: stage.failures,
            incompleteBefore: loaded.listedFrom.flatMap { $0 > SubmissionsLoader.firstDay ? $0 : nil },
            latestAnnualReport: loaded.latestAnnualReport)
    }
}
