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
    /// Units that failed, each with its reason: new failures, which fail the night.
    public var failures: [String] = []
    /// Units that failed again exactly as they failed before (already reported): standing gaps.
    /// They are retried each night and listed, but do not fail the night again.
    public var standing: [String] = []
    /// Units that had failed before and were stored this time.
    public var healed: [String] = []
    public var recordsStored = 0
    public var eventsRaised = 0
    /// Rows skipped as malformed, counted.
    public var malformedRows = 0

    public init(feed: String) {
        self.feed = feed
    }

    /// True when any unit failed anew: the exit status is then non-zero. Every failed unit is retried next run.
    public var failed: Bool { !failures.isEmpty }

    /// Notes that `unit` failed (or read suspect) for `reason`: a standing gap when its last outcome
    /// was the same trouble (reported then), else a new failure.
    public mutating func fail(_ unit: String, _ reason: String, previous: LedgerEntry?) {
        if previous?.isTrouble == true, previous?.detail == reason {
            standing.append("\(unit): \(reason)")
        } else {
            failures.append("\(unit): \(reason)")
        }
    }

    /// Notes that `unit` was stored, and healed when its last outcome was a failure.
    public mutating func stored(_ unit: String, previous: LedgerEntry?) {
        fetched.append(unit)
        if previous?.isTrouble == true { healed.append(unit) }
    }
}
