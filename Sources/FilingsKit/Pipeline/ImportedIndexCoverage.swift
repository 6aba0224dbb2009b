import Foundation

/// The days an imported EDGAR master index speaks for, read from its header, so an offline
/// `check` knows what a `filings import` of SEC's own files covers.
///
/// Its ledger units live under `import/`, apart from the days and quarters sync and backfill
/// fetch: an old file imported into a new database must not make sync think it is up to date.
struct ImportedIndexCoverage: Equatable {
    /// `import/2025-11-17` or `import/2025Q1`.
    var unit: String
    var from: Day
    var until: Day

    static let unitPrefix = "import/"

    /// A daily index covers its day; a quarterly one its quarter up to the last day it received.
    /// Nil when the header does not say which.
    init?(_ report: IndexParseReport) {
        guard let period = report.period, let received = report.lastDataReceived.flatMap(Self.day) else { return nil }
        switch period {
        case .daily:
            unit = Self.unitPrefix + received.iso
            from = received
        case .quarterly:
            let quarter = BackfillQuarter(containing: received)
            unit = Self.unitPrefix + quarter.description
            from = quarter.firstDay
        }
        until = received
    }

    /// The ledger entry saying so, for an index read from `source` keeping `forms`.
    func ledgerEntry(feed: String, source: String, report: IndexParseReport, forms: BackfillForms, now: Date) -> LedgerEntry {
        LedgerEntry(
            feed: feed, unit: unit, status: .ok, url: source, fetchedAt: now, rows: report.rowsKept,
            detail: Backfill.detail(forms: forms, malformed: report.malformedCount), coversFrom: from.iso, coversUntil: until.iso)
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
