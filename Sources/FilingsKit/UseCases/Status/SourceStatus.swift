import FilingsModel
import Foundation

/// What the ledger says of one feed, for `filings status`: when it last worked, what it holds,
/// and which units fail now.
public struct SourceStatus: Sendable, Equatable {
    /// One unit whose last fetch failed, with why.
    public struct Failure: Sendable, Equatable {
        public var unit: String
        /// When it was last tried (and failed).
        public var lastTried: Date
        public var detail: String
        /// True when the unit was read but held far fewer rows than its last good read: its earlier
        /// rows stay stored, and the file came back suspect rather than failing to arrive.
        public var suspect: Bool = false
    }

    public var feed: String
    public var source: Source
    public var title: String
    /// The last fetch that stored something, or found the unit current.
    public var lastSuccess: Date?
    /// The last fetch of any outcome.
    public var lastAttempt: Date?
    /// Units stored, units the source had no file for, units failing now.
    public var unitsOK: Int
    public var unitsMissing: Int
    /// Rows of the units stored.
    public var rows: Int
    /// The days the stored units speak for, merged (EDGAR's daily indexes, quarters and imports; WARN reports; ERM ranges).
    public var covered: [String]
    public var failing: [Failure]
}

/// `filings status`: every feed's health from the ledger, and the SEC ban; reads only the store.
public struct StatusReporter: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// The status of every feed in `Feeds/`, in the catalog's order.
    public func statuses() throws -> [SourceStatus] {
        try context.feeds.feeds.map(status)
    }

    /// Until when SEC requests are banned (a 429 or the rate-limit page), when that is still ahead.
    public func secBanUntil() -> Date? {
        context.store.banRecord().load().flatMap { $0 > context.now() ? $0 : nil }
    }

    func status(_ feed: FeedDefinition) throws -> SourceStatus {
        let ledger = try context.store.ledger(feed: feed.id)
        let ok = ledger.filter(\.holdsData)
        // A daily index speaks for its day, and so does a day EDGAR settled without one (weekends,
        // holidays); every other unit for the days it says it covers.
        let edgar = EDGARSync(context: context, feed: feed)
        let settled = ledger.filter { entry in
            entry.status == .missing && entry.unit.day.map { $0.isWeekend || edgar.isSettledMissing(entry) } == true
        }
        // A company's filing list speaks for that company alone, not for the feed.
        let feedWide = ok.filter { entry in
            if case .submissions = entry.unit { false } else { true }
        }
        let spans = feedWide.compactMap { entry in entry.unit.day.map { DaySpan($0) } ?? entry.coverage }
            + settled.compactMap { $0.unit.day.map { DaySpan($0) } }
        return SourceStatus(
            feed: feed.id, source: feed.source, title: feed.title, lastSuccess: ok.map(\.fetchedAt).max(),
            lastAttempt: ledger.map(\.fetchedAt).max(), unitsOK: ok.count,
            unitsMissing: ledger.filter { $0.status == .missing }.count, rows: ok.map(\.rows).reduce(0, +),
            covered: DaySpan.merged(spans).map(\.description),
            failing: ledger.filter(\.isTrouble).sorted { $0.fetchedAt < $1.fetchedAt }.map {
                SourceStatus.Failure(unit: $0.unit.description, lastTried: $0.fetchedAt, detail: $0.detail ?? "", suspect: $0.status == .suspect)
            })
    }
}
