import Foundation

/// What one feed's sync did, for the person running it and for the exit status.
public struct FeedReport: Sendable, Equatable, Codable {
    public var feed: String
    /// Units (days, files) fetched and stored.
    public var fetched: [String] = []
    /// Units that had no file (weekends, holidays, not yet published).
    public var missing: [String] = []
    /// Units whose copy was current (HTTP 304).
    public var unchanged: [String] = []
    /// Units that failed, each with its reason.
    public var failures: [String] = []
    public var recordsStored = 0
    public var eventsRaised = 0
    /// Rows skipped as malformed, counted.
    public var malformedRows = 0

    public init(feed: String) {
        self.feed = feed
    }

    /// True when any unit failed: the exit status is then non-zero and the unit is retried next run.
    public var failed: Bool { !failures.isEmpty }
}
