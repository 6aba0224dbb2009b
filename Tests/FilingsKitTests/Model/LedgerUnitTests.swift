import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite struct LedgerUnitTests {
    static let units: [LedgerUnit] = [
        .isoDay("2025-11-17"), .isoQuarter("2004Q3"), .submissions(cik: 895419), .importedIndex(Day("2025-11-17") ?? Day(Date(), in: .gmt)),
        .importedQuarter(Quarter(year: 2025, quarter: 1) ?? .first), .range(DaySpan(from: "2024-01-01", until: "2024-12-31") ?? DaySpan(Quarter.first.firstDay)),
        .file("https://edd.ca.gov/WARN_Report.xlsx"), .file("2025-11-17"), .file("company_tickers.json"),
    ]

    @Test(arguments: units)
    func aStoredUnitReadsBackAsItself(_ unit: LedgerUnit) {
        #expect(LedgerUnit(stored: unit.stored) == unit, "\(unit.stored)")
    }

    @Test func aFileNamedLikeADayStaysAFile() {
        #expect(LedgerUnit.file("2025-11-17").stored == "file/2025-11-17")
        #expect(LedgerUnit(stored: "file/2025-11-17")?.day == nil)
        #expect(LedgerUnit(stored: "2025-11-17") == nil)
    }

    @Test func unitsWrittenBeforeV12AreReadByTheirShape() {
        #expect(LedgerUnit(legacy: "2025-11-17") == .isoDay("2025-11-17"))
        #expect(LedgerUnit(legacy: "2004Q3") == .isoQuarter("2004Q3"))
        #expect(LedgerUnit(legacy: "submissions/CIK0000895419") == .submissions(cik: 895419))
        #expect(LedgerUnit(legacy: "import/2025Q1").stored == "import/2025Q1")
        #expect(LedgerUnit(legacy: "import/2025-11-17").stored == "import/2025-11-17")
        #expect(LedgerUnit(legacy: "2024-01-01..2024-12-31").stored == "range/2024-01-01..2024-12-31")
        #expect(LedgerUnit(legacy: "https://edd.ca.gov/WARN.xlsx") == .file("https://edd.ca.gov/WARN.xlsx"))
        #expect(LedgerUnit(legacy: "company_tickers.json") == .file("company_tickers.json"))
    }

    /// A database of v11 keeps every ledger entry through the migration: units take their kind, and
    /// a stored quarter's forms leave the detail text for a column of their own.
    @Test func aV11LedgerIsMigratedInPlace() throws {
        let path = try temporaryDirectory().appendingPathComponent("v11.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v11-company-name-documents")
        try old.write { db in
            let rows: [(String, String, String?)] = [
                ("sec-edgar", "2025-11-17", nil), ("sec-edgar", "2025Q1", "forms: 8-K; 3 malformed rows skipped"),
                ("sec-edgar", "2024Q4", "forms: all"), ("sec-edgar", "submissions/CIK0001326801", "8-K list of CIK 1326801"),
                ("sec-edgar", "company_tickers.json", nil), ("eu-erm", "2024-01-01..2024-12-31", "2 rows skipped"),
                ("ca-warn", "https://edd.ca.gov/WARN_Report.xlsx", nil),
            ]
            for (feed, unit, detail) in rows {
                try db.execute(
                    sql: "INSERT INTO ledgerEntry (feed, unit, status, url, fetchedAt, rows, detail) VALUES (?, ?, 'ok', '', '2026-01-01 00:00:00.000', 1, ?)",
                    arguments: [feed, unit, detail])
            }
        }
        try old.close()
        let store = try Store(path: path)
        let edgar = Dictionary(uniqueKeysWithValues: try store.ledger(feed: "sec-edgar").map { ($0.unit, $0) })
        #expect(Set(edgar.keys) == [.isoDay("2025-11-17"), .isoQuarter("2025Q1"), .isoQuarter("2024Q4"), .submissions(cik: 1326801), .file("company_tickers.json")])
        #expect(edgar[.isoQuarter("2025Q1")]?.forms == .currentReports)
        #expect(edgar[.isoQuarter("2025Q1")]?.detail == "3 malformed rows skipped")
        #expect(edgar[.isoQuarter("2024Q4")]?.forms == .all)
        #expect(edgar[.isoQuarter("2024Q4")]?.detail == nil)
        #expect(edgar[.submissions(cik: 1326801)]?.detail == "8-K list of CIK 1326801")
        #expect(try store.ledger(feed: "eu-erm").map(\.unit.stored) == ["range/2024-01-01..2024-12-31"])
        #expect(try store.ledgerEntry(feed: "ca-warn", unit: .file("https://edd.ca.gov/WARN_Report.xlsx")) != nil)
    }
}

@Suite struct DaySpanTests {
    func span(_ from: String, _ until: String) throws -> DaySpan {
        try #require(DaySpan(from: from, until: until))
    }

    @Test func gapsAreTheDaysNoSpanHolds() throws {
        let year = try span("2023-01-01", "2023-12-31")
        let stored = [try span("2020-03-27", "2022-01-31"), try span("2023-03-01", "2023-03-31"), try span("2023-04-01", "2023-04-10")]
        #expect(year.gaps(in: stored) == [try span("2023-01-01", "2023-02-28"), try span("2023-04-11", "2023-12-31")])
        #expect(year.gaps(in: [try span("2022-06-01", "2024-01-01")]).isEmpty)
        #expect(year.gaps(in: []) == [year])
        #expect(!stored.cover(year))
        #expect([try span("2023-01-01", "2023-06-30"), try span("2023-07-01", "2023-12-31")].cover(year))
    }

    /// California's 2020-21 PDF is broken; a window of 2023 is not covered because nothing reaches
    /// 2023, and the note says which days are missing before it mentions any failure.
    @Test func aNoticeGapNoteNamesTheMissingDaysFirst() throws {
        let feed = try #require(try FeedCatalog(directory: SharedData.packageRoot.appendingPathComponent("Feeds").path).feed(for: .caWarn))
        let note = NoticeEvidence.gapNote(
            feed: feed, window: try span("2023-01-01", "2023-12-31"), spans: [try span("2020-03-27", "2022-01-31")],
            failures: ["WARN-Report-for-7-1-2020-to-06-30-2021.pdf is not a PDF"], offline: false)
        #expect(note.hasPrefix("California EDD WARN notices: nothing stored for 2023-01-01..2023-12-31; fetching it now"), "\(note)")
        let twoGaps = NoticeEvidence.gapNote(
            feed: feed, window: try span("2023-01-01", "2023-12-31"), spans: [try span("2023-03-01", "2023-03-31")], failures: [], offline: true)
        #expect(twoGaps == "California EDD WARN notices: nothing stored for 2023-01-01..2023-02-28, 2023-04-01..2023-12-31; offline: nothing was fetched")
        #expect(note.contains("2020-to-06-30-2021.pdf"))
    }
}
