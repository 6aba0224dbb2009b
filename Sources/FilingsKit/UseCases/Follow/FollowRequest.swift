import Foundation

/// What `filings follow` was asked to do.
public struct FollowRequest: Sendable {
    /// How often to poll, in and out of EDGAR's hours.
    public var hours: EDGARHours
    /// `mail` or `json`.
    public var format: DigestFormat
    public var to: [MailAddress]
    public var from: MailAddress?
    /// A shell command that receives each batch's events on stdin; they are marked delivered only when it exits 0.
    public var sendCommand: String?
    /// Entries per page of the feed (EDGAR takes 10, 20, 40, 80 or 100).
    public var pageSize: Int
    /// The most pages one batch reads back before it calls the rest a gap.
    public var maxPages: Int
    /// How long a watched filing not yet on the archive is asked for again before it is left to the nightly sync.
    public var waitForArchive: TimeInterval
    /// How many times a batch's delivery is tried before it is left to the nightly digest.
    public var deliveryAttempts: Int

    /// The page sizes EDGAR's feed accepts.
    public static let pageSizes = [10, 20, 40, 80, 100]

    /// A request; `pageSize` is rounded up to one EDGAR accepts.
    public init(
        hours: EDGARHours, format: DigestFormat = .mail, to: [MailAddress] = [], from: MailAddress? = nil, sendCommand: String? = nil,
        pageSize: Int = 40, maxPages: Int = 3, waitForArchive: TimeInterval = 3600, deliveryAttempts: Int = 2
    ) {
        self.hours = hours
        self.format = format
        self.to = to
        self.from = from
        self.sendCommand = sendCommand
        self.pageSize = FollowRequest.pageSizes.first { $0 >= pageSize } ?? 100
        self.maxPages = max(1, maxPages)
        self.waitForArchive = waitForArchive
        self.deliveryAttempts = max(1, deliveryAttempts)
    }
}

/// What one batch of `filings follow` did.
public struct FollowBatch: Sendable, Equatable {
    /// Why the batch did nothing (another run holds the writer), when it did not run.
    public var skipped: String?
    public var pagesRead = 0
    /// True when the first page had not changed (304).
    public var unchanged = false
    public var newEntries = 0
    /// New 8-K family filings stored.
    public var filingsStored = 0
    /// Watched companies' filings read from their text.
    public var filingsRead = 0
    public var eventsRaised = 0
    public var eventsDelivered = 0
    /// Accessions of watched filings not on the archive yet (asked for again next batch).
    public var waiting: [String] = []
    /// True when the pages read did not reach the last entry seen.
    public var gap = false
    /// Things a person should hear about once (a gap, a stale feed, a first start).
    public var notes: [String] = []
    /// What failed; each is retried next interval.
    public var problems: [String] = []
    /// The rendered events, when there is no mail command to hand them to.
    public var output: String?

    /// One line for `--verbose`.
    public var line: String {
        if let skipped { return "skipped: \(skipped)" }
        func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String { "\(n) \(n == 1 ? noun : plural ?? noun + "s")" }
        var parts = [unchanged ? "feed unchanged" : "\(count(pagesRead, "page")), \(count(newEntries, "new entry", "new entries"))"]
        if filingsStored > 0 { parts.append("\(count(filingsStored, "8-K")) stored") }
        if filingsRead > 0 { parts.append("\(filingsRead) read from their text") }
        if eventsRaised > 0 { parts.append("\(count(eventsRaised, "event")) raised") }
        if eventsDelivered > 0 { parts.append("\(eventsDelivered) delivered") }
        if !waiting.isEmpty { parts.append("\(waiting.count) not on the archive yet") }
        if gap { parts.append("a gap (daily index read)") }
        if !problems.isEmpty { parts.append("\(problems.count) failed") }
        return parts.joined(separator: ", ")
    }
}
