import FilingsModel
import Foundation

/// Raising notice events for the watched companies: the stage that takes what `NoticeEvents`
/// (Match, pure) makes of stored WARN notices and ERM events, and writes it to the store.
enum NoticeRaiser {
    /// Matches every stored WARN notice and ERM event (or those in a window) against every watch and raises or amends their events.
    static func raiseForWatches(_ context: FilingsContext, warn: [WarnNotice], erm: [ERMEvent]) throws -> (raised: Int, amended: Int) {
        var events: [Event] = []
        let watches = try context.store.watches()
        // Nobody watched, nothing to raise: a 14,000-row import need not gather letters.
        guard !watches.isEmpty else { return (0, 0) }
        let letters = try lettersTouching(warn, context: context)
        let reportURLs = try context.store.warnReportURLs(keys: letters.map(\.key))
        for watch in watches {
            let company = try context.store.company(cik: watch.cik)
            let names = try context.knownNames(cik: watch.cik)
            let matcher = NoticeMatcher(names: names)
            let linked = Dictionary(try context.store.links(cik: watch.cik).map { ($0.record, $0) }) { first, _ in first }
            // Records older than a month before the watch began are history: the first digest is not a flood.
            let cutoff = Day(watch.createdAt, in: .eastern).adding(days: -30).iso
            let name = company?.name ?? watch.name
            events += NoticeEvents.warnEvents(
                letters: letters, company: name, cik: watch.cik, matcher: matcher, historicalBefore: cutoff, now: context.now(), reportURLs: reportURLs,
                linked: linked, siteNote: KnownSites(context: context, cik: watch.cik, names: names).note)
            events += NoticeEvents.ermEvents(
                erm, company: name, cik: watch.cik, matcher: matcher, historicalBefore: cutoff, now: context.now(), linked: linked)
        }
        return try context.store.raiseOrAmend(events, now: context.now())
    }

    /// Every stored site of the letters that `notices` belong to, so a letter's total counts all its sites.
    static func lettersTouching(_ notices: [WarnNotice], context: FilingsContext) throws -> [WarnNotice] {
        let wanted = Set(notices.map(NoticeEvents.letterKey))
        guard !wanted.isEmpty else { return [] }
        // A letter's sites share its company as normalized (the letter key hashes it): one indexed lookup.
        var sites: [String: WarnNotice] = [:]
        let companies = Set(notices.map { CompanyName.normalize($0.company) })
        for notice in try context.store.warnNotices(normalizedCompanies: companies) where wanted.contains(NoticeEvents.letterKey(notice)) {
            sites[notice.key] = notice
        }
        for notice in notices { sites[notice.key] = notice }
        return Array(sites.values)
    }
}
