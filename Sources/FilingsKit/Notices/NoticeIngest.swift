import FilingsHTTP
import FilingsModel
import Foundation

/// Stores one parsed WARN report or ERM export with its ledger entry and raises its events for the
/// watched companies: the one path `sync` and `import` share, so what a file leaves in the store
/// does not depend on how it arrived.
struct NoticeIngest {
    let context: FilingsContext

    /// What storing one file did.
    struct Outcome {
        /// Rows the parser read.
        var rows = 0
        /// Rows new to the store.
        var stored = 0
        /// Rows skipped as malformed.
        var malformed = 0
        var eventsRaised = 0
        /// Set when the file was suspect and nothing of it was stored: why.
        var suspect: String?
    }

    /// A file read with fewer than half the rows of the last good read of the same file (of 20 or
    /// more) is suspect: WARN reports grow through their year, they do not lose half their rows.
    static func isSuspect(rows: Int, before: Int) -> Bool {
        before >= 20 && rows < before / 2
    }

    /// Stores a state's WARN report read from `url` (a URL or a path) as `unit` of `feed`, speaking
    /// for `coverage` (default: the span of its rows' dates).
    func storeWarn(
        _ parsed: WarnParseResult, feed: String, unit: LedgerUnit, url: String, validators: Validators? = nil, coverage: DaySpan? = nil
    ) throws -> Outcome {
        if let previous = try context.store.ledgerEntry(feed: feed, unit: unit), previous.holdsData,
            Self.isSuspect(rows: parsed.notices.count, before: previous.rows)
        {
            // Not truth: the earlier read's rows and coverage stay, and the file is read again next time.
            let reason = "suspect: read \(parsed.notices.count) rows where the last good read had \(previous.rows); nothing of it stored, the earlier read kept"
            var kept = previous
            kept.status = .suspect
            kept.fetchedAt = context.now()
            kept.detail = reason
            try context.store.record(kept)
            return Outcome(rows: parsed.notices.count, malformed: parsed.diagnostics.count, suspect: reason)
        }
        let entry = ledgerEntry(
            feed: feed, unit: unit, url: url, validators: validators, rows: parsed.notices.count,
            skipped: parsed.diagnostics.count, coverage: coverage ?? parsed.coverage)
        let stored = try context.store.storeWarnReport(parsed.notices, sourceURL: url, ledger: entry, now: context.now())
        try RecordLinker(context: context).link(warn: stored.inserted + stored.amended, erm: [])
        let events = try NoticeRaiser.raiseForWatches(context, warn: stored.inserted + stored.amended, erm: [])
        return Outcome(
            rows: parsed.notices.count, stored: stored.inserted.count, malformed: parsed.diagnostics.count,
            eventsRaised: events.raised + events.amended)
    }

    /// Stores an ERM export read from `url` as `unit` of `feed`, speaking for `coverage` (the range
    /// asked of Eurofound; for a file, the span of its events' dates).
    func storeERM(_ parsed: ERMParseResult, feed: String, unit: LedgerUnit, url: String, coverage: DaySpan?) throws -> Outcome {
        let entry = ledgerEntry(
            feed: feed, unit: unit, url: url, validators: nil, rows: parsed.events.count, skipped: parsed.diagnostics.count,
            coverage: coverage)
        let changed = try context.store.storeERMExport(parsed.events, sourceURL: url, ledger: entry, now: context.now())
        try RecordLinker(context: context).link(warn: [], erm: changed)
        let events = try NoticeRaiser.raiseForWatches(context, warn: [], erm: changed)
        return Outcome(
            rows: parsed.events.count, stored: changed.count, malformed: parsed.diagnostics.count,
            eventsRaised: events.raised + events.amended)
    }

    private func ledgerEntry(
        feed: String, unit: LedgerUnit, url: String, validators: Validators?, rows: Int, skipped: Int, coverage: DaySpan?
    ) -> LedgerEntry {
        LedgerEntry(
            feed: feed, unit: unit, status: .ok, url: url, fetchedAt: context.now(), etag: validators?.etag,
            lastModified: validators?.lastModified, rows: rows, detail: skipped == 0 ? nil : "\(skipped) rows skipped",
            coversFrom: coverage?.from.iso, coversUntil: coverage?.until.iso)
    }
}
