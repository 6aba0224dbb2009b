import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// EDD republishes a fiscal year's workbook as a PDF when the year ends: the same notices, each
/// site named by its city instead of its street address. They must not be stored, counted or
/// summed twice.
@Suite(.tags(.corpus)) struct WarnRepublishedTests {
    func site(
        _ company: String, employees: Int?, address: String?, city: String?, county: String? = "Santa Clara County", file: String, row: Int
    ) -> WarnNotice {
        WarnNotice(
            company: company, noticeDate: "2025-03-03", receivedDate: "2025-03-04", effectiveDate: "2025-05-02", employees: employees,
            layoffOrClosure: "Layoff Permanent", county: county, address: address, city: city, industry: nil, sourceFile: file, sourceRow: row)
    }

    func save(_ notices: [WarnNotice], _ store: Store, file: String) throws -> WarnStoreOutcome {
        try store.storeWarnReport(
            WarnNoticeKey.uniquing(notices), sourceURL: "https://edd.example/\(file)",
            ledger: LedgerEntry(feed: "ca-warn", unit: .file(file), status: .ok, url: file), now: Date())
    }

    @Test func theWorkbookRowsRepublishedAsAPDFAreStoredOnce() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let workbook = [
            site("Meta Platforms, Inc.", employees: 100, address: "1 Hacker Way  Menlo Park CA 94025", city: "Menlo Park", county: "San Mateo County", file: "warn.xlsx", row: 2),
            site("Meta Platforms, Inc.", employees: 40, address: "1 Main St  Sunnyvale CA 94089", city: "Sunnyvale", file: "warn.xlsx", row: 3),
            site("Meta Platforms, Inc.", employees: 40, address: "2 Main St  Sunnyvale CA 94089", city: "Sunnyvale", file: "warn.xlsx", row: 4),
        ]
        let first = try save(workbook, store, file: "warn.xlsx")
        #expect(first.inserted.count == 3)
        // The PDF: no street addresses, the city as printed, and one site the workbook never had.
        let pdf = [
            site("META PLATFORMS INC", employees: 100, address: nil, city: "MENLO PARK", county: "San Mateo County", file: "fy2024-25.pdf", row: 10),
            site("META PLATFORMS INC", employees: 40, address: nil, city: "Sunnyvale", file: "fy2024-25.pdf", row: 11),
            site("META PLATFORMS INC", employees: 40, address: nil, city: "Sunnyvale", file: "fy2024-25.pdf", row: 12),
            site("META PLATFORMS INC", employees: 25, address: nil, city: "San Jose", file: "fy2024-25.pdf", row: 13),
        ]
        let second = try save(pdf, store, file: "fy2024-25.pdf")
        #expect(second.republished == 3)
        #expect(second.inserted.map { $0.city } == ["San Jose"])
        #expect(try store.warnNotices().compactMap(\.employees).reduce(0, +) == 205)
        // The same PDF again changes nothing.
        let third = try save(pdf, store, file: "fy2024-25.pdf")
        #expect(third.inserted.isEmpty && third.amended.isEmpty)
        #expect(try store.warnNotices().count == 4)
    }

    @Test func aRevisedCountAtTheSamePlaceAmendsTheSiteAnotherPlaceIsAnotherSite() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        _ = try save(
            [site("Acme Widgets", employees: 60, address: "9 Elm St  Fresno CA 93701", city: "Fresno", county: nil, file: "warn.xlsx", row: 2)],
            store, file: "warn.xlsx")
        let pdf = [
            site("Acme Widgets", employees: 61, address: nil, city: "Fresno", county: nil, file: "fy.pdf", row: 5),
            site("Acme Widgets", employees: 60, address: nil, city: "Clovis", county: nil, file: "fy.pdf", row: 6),
            site("Acme Widgets", employees: 60, address: nil, city: nil, county: nil, file: "fy.pdf", row: 7),
        ]
        let outcome = try save(pdf, store, file: "fy.pdf")
        #expect(outcome.republished == 1)
        #expect(outcome.amended.map(\.employees) == [61])
        #expect(outcome.inserted.count == 2)
        let fresno = try #require(try store.warnNotices().first { $0.city == "Fresno" })
        #expect(fresno.employees == 61)
        #expect(fresno.address == "9 Elm St  Fresno CA 93701")  // the workbook's address is kept
    }

    /// EDD's interim and final reports of one fiscal year, both in the corpus: between them EDD revised
    /// notices, giving them a new received date and count (Tesla's Fremont site: 883, then 964).
    @Test func theInterimAndFinalReportsOfARealYearAreOneSetOfSites() throws {
        guard ProcessRunner.isAvailable("pdftotext"), let interim = SharedData.file("warn/ca/edd_site_mirror_2019/WARN_Report_for_7-1-2018_to_03-25-2019.pdf"),
            let final = SharedData.file("warn/ca/edd_raw_2022-02-05/WARN-Report-for-7-1-2018-to-06-30-2019.pdf")
        else { return }
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let interimRows = try CaliforniaWarnReport.parse(try Data(contentsOf: interim), source: interim.path).notices
        let finalRows = try CaliforniaWarnReport.parse(try Data(contentsOf: final), source: final.path).notices
        _ = try save(interimRows, store, file: interim.lastPathComponent)
        let outcome = try save(finalRows, store, file: final.lastPathComponent)
        let stored = try store.warnNotices()
        let fremont = stored.filter { $0.company == "Tesla, Inc." && $0.city == "Fremont" && $0.noticeDate == "2019-01-29" }
        #expect(fremont.map(\.employees) == [964])
        #expect(outcome.amended.contains { $0.company == "Tesla, Inc." && $0.city == "Fremont" })
        // Every final row is stored once. Beyond them remain interim rows the final changed past
        // recognition: a truncated "… dba" name completed, an effective date moved (7 here, 14 when
        // the received date was part of a site's identity). Under 1% of the year.
        #expect(stored.count >= finalRows.count)
        #expect(stored.count - finalRows.count <= finalRows.count / 100, "\(stored.count) rows for \(finalRows.count) in the final report")
    }

    @Test func eventsStoredBeforeTakeTheirLetterKeyWithoutTheReceivedDate() throws {
        let path = try temporaryDirectory().appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v6-filing-awaiting-events")
        let notice = site("Meta Platforms, Inc.", employees: 100, address: "1 Hacker Way  Menlo Park CA 94025", city: "Menlo Park", file: "warn.xlsx", row: 2)
        let oldLetter = WarnNoticeKey.fnv1a64Hex(["meta platforms", "2025-03-03", "2025-05-02", "2025-03-04"].joined(separator: "|"))
        try old.write { db in
            // The columns of that schema: the record type has grown since.
            try db.execute(
                sql: """
                    INSERT INTO warnNotice (key, company, noticeDate, receivedDate, effectiveDate, employees, layoffOrClosure, kind,
                        county, address, city, industry, sourceFile, sourceRow)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    notice.key, notice.company, notice.noticeDate, notice.receivedDate, notice.effectiveDate, notice.employees,
                    notice.layoffOrClosure, notice.kind.rawValue, notice.county, notice.address, notice.city, notice.industry,
                    notice.sourceFile, notice.sourceRow,
                ])
            try db.execute(
                sql: """
                    INSERT INTO event (key, cik, company, kind, source, sourceRef, date, summary, strength, historical, createdAt)
                    VALUES (?, 1326801, 'Meta Platforms, Inc.', 'layoff', 'ca-warn', ?, '2025-03-03', 'WARN notice', 'legal-notice', 0, '2025-03-05 00:00:00.000')
                    """,
                arguments: ["ca-warn:1326801:\(oldLetter)", notice.key])
        }
        try old.close()
        let store = try Store(path: path)
        let event = try #require(try store.events(EventQuery(cik: 1326801)).first)
        #expect(event.key == "ca-warn:1326801:\(NoticeEvents.letterKey(notice))")
        #expect(event.key != "ca-warn:1326801:\(oldLetter)")
    }
}
