import Foundation

/// What a backfill did, quarter by quarter.
public struct BackfillReport: Sendable, Equatable {
    /// Quarters stored in this run.
    public var stored: [String] = []
    /// Quarters already stored by an earlier run (for the forms asked), skipped.
    public var skipped: [String] = []
    /// Quarters for which EDGAR has no index.
    public var missing: [String] = []
    /// Rows of the stored indexes that were kept (8-K family, or all).
    public var rowsKept = 0
    /// Rows new to the store.
    public var recordsStored = 0
    /// Rows skipped as malformed (the ledger entry of their quarter says how many).
    public var malformedRows = 0
    /// The failure that stopped the run; the next run resumes at that quarter.
    public var failure: String?

    /// True when a quarter failed.
    public var failed: Bool { failure != nil }
}
