import FilingsModel
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
        let window = DaySpan(since, min(until ?? today, today))
        let cik = try await resolve(name, explicitCIK: explicitCIK, feed: feed, offline: offline)
        let stored = try context.store.company(cik: cik)?.name ?? name
        let sec = await SECEvidence(context: context, feed: feed).evidence(cik: cik, company: stored, window: window, offline: offline)
        var coverage = [sec.coverage]
        var events = sec.events
        let names = try context.knownNames(cik: cik)
        // States that publish nothing, and state feeds never read, are listed with the answer but do not
        // weigh on it: neither can be closed by fetching now (a state's first read is the nightly sync's).
        var unread: [SourceCoverage] = []
        for feed in context.feeds.feeds where feed.kind != .secEdgar {
            if let gap = try unreadState(feed) {
                unread.append(gap)
                continue
            }
            let notices = await NoticeEvidence(context: context).evidence(
                feed: feed, cik: cik, names: names, window: window, offline: offline)
            coverage.append(notices.coverage)
            events += notices.events
        }
        return CheckResult(
            company: stored, cik: cik, since: window.from.iso, until: window.until.iso,
            claims: claims.map { claim in
                var verdict = CheckVerdicts.verdict(for: claim, events: events, coverage: coverage)
                verdict.coverage += unread.filter { claim.weighs($0.source) }
                return verdict
            })
    }

    /// The coverage line of a state feed that publishes nothing or has never been read; nil for any other feed.
    private func unreadState(_ feed: FeedDefinition) throws -> SourceCoverage? {
        guard feed.kind == .stateWarn, let spec = feed.warn else { return nil }
        let scope = feed.canShow ?? ""
        if !spec.publishes {
            return SourceCoverage(
                source: feed.source, covered: false, from: nil, until: nil,
                note: "\(CheckReport.doesNotPublish): \(spec.unpublished ?? feed.title)", scope: scope)
        }
        guard try context.store.ledger(feed: feed.id).isEmpty else { return nil }
        return SourceCoverage(
            source: feed.source, covered: false, from: nil, until: nil,
            note: "\(CheckReport.neverRead): run `filings sync --only \(feed.id)` or import a file of it", scope: scope)
    }

    /// The CIK `name` means: offline, only from stored names (a watch, a CIK, a stored name or ticker).
    private func resolve(_ name: String, explicitCIK: Int64?, feed: FeedDefinition, offline: Bool) async throws -> Int64 {
        if let explicitCIK { return explicitCIK }
        let lookup = CompanyLookup(context: context)
        return try await offline ? lookup.stored(name).cik : lookup.refreshed(name, feed: feed).cik
    }
}
