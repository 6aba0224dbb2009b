import FilingsModel
import Foundation

/// The days an imported EDGAR master index speaks for, read from its header, so an offline
/// `check` knows what a `filings import` of SEC's own files covers.
///
/// Its ledger units are their own kind (`import/2025Q1`), apart from the days and quarters sync and
/// backfill fetch: an old file imported into a new database must not make sync think it is up to date.
struct ImportedIndexCoverage: Equatable {
    /// `.importedIndex(2025-11-17)` or `.importedQuarter(2025Q1)`.
    var unit: LedgerUnit
    var from: Day
    var until: Day

    /// A daily index covers its day; a quarterly one its quarter up to the last day it received.
    /// Nil when the header does not say which.
    init?(_ report: IndexParseReport) {
        guard let period = report.period, let received = report.lastDataReceived.flatMap(Self.day) else { return nil }
        switch period {
        case .daily:
            unit = .importedIndex(received)
            from = received
        case .quarterly:
            let quarter = Quarter(containing: received)
            unit = .importedQuarter(quarter)
            from = quarter.firstDay
        }
        until = received
    }

    /// The ledger entry saying so, for an index read from `source` keeping `forms`.
    func ledgerEntry(feed: String, source: String, report: IndexParseReport, forms: IndexForms, now: Date) -> LedgerEntry {
        LedgerEntry(
            feed: feed, unit: unit, status: .ok, url: source, fetchedAt: now, rows: report.rowsKept,
            detail: IndexIngest.note(report), coversFrom: from.iso, coversUntil: until.iso, forms: forms)
    }

    /// "March 31, 2025" or "Nov 17, 2025" (EDGAR pads single-digit days with a space).
    static func day(_ text: String) -> Day? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard words.count == 3, let day = Int(words[1]), let year = Int(words[2]),
            let month = months.firstIndex(where: { words[0].lowercased().hasPrefix($0) })
        else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
