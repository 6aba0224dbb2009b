import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite struct ImporterTests {
    func importer() throws -> (Importer, Store) {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        return (Importer(context: try .offline(store)), store)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func everyKindIsToldByContentNotByName() async throws {
        let (importer, store) = try importer()
        // Our own fixtures, under names that say nothing.
        let master = try write(String(decoding: try SharedData.fixture("mirror/master.20251119.idx"), as: UTF8.self), "a.txt")
        let tickers = try write(String(decoding: try SharedData.fixture("mirror/company_tickers.json"), as: UTF8.self), "b.txt")
        let submissions = try write(String(decoding: try SharedData.fixture("mirror/CIK0001326801.sync2.json"), as: UTF8.self), "c.txt")
        let erm = try write(String(decoding: try SharedData.fixture("erm/factsheets.csv"), as: UTF8.self), "d.txt")

        let index = try await importer.importFile(at: master)
        #expect(index.kind == "masterIndex")
        #expect(index.recordsStored == 3)
        let map = try await importer.importFile(at: tickers)
        #expect(map.kind == "ticker map" && map.recordsStored == 4)
        let json = try await importer.importFile(at: submissions)
        #expect(json.kind == "submissions JSON")
        #expect(try store.company(cik: 1326801)?.formerNames.first?.name == "FACEBOOK INC")
        let export = try await importer.importFile(at: erm)
        #expect(export.kind == "Eurofound ERM export")
        #expect(export.recordsStored > 0)
        #expect(try store.ermEvents().count == export.recordsStored)

        let again = try await importer.importFile(at: master)
        #expect(again.recordsStored == 0)  // idempotent
    }

    @Test func aHistoryPageNeedsItsEDGARNameAndItsCompany() async throws {
        let (importer, _) = try importer()
        let page = String(decoding: try SharedData.fixture("mirror/CIK0001326801-submissions-001.json"), as: UTF8.self)
        let anonymous = try write(page, "page.json")
        await #expect(throws: ImportError.pageWithoutCIK(path: anonymous)) { try await importer.importFile(at: anonymous) }
        _ = try await importer.importFile(at: try write(String(decoding: try SharedData.fixture("mirror/CIK0001326801.sync2.json"), as: UTF8.self), "x.json"))
        let outcome = try await importer.importFile(at: try write(page, "CIK0001326801-submissions-001.json"))
        #expect(outcome.kind == "submissions history page")
        #expect(outcome.recordsStored == 1)  // the 2012 8-K; the S-1/A is not of the 8-K family
    }

    @Test func unreadableFilesFailWithTheirNameAndStoreNothing() async throws {
        let (importer, store) = try importer()
        let html = try write("<!DOCTYPE html><html><head><title>Not Found</title></head></html>", "WARN_Report_FY2019.pdf")
        await #expect(throws: ImportError.unknownKind(path: html)) { try await importer.importFile(at: html) }
        await #expect(throws: ImportError.unreadable(path: "/nonexistent/file.idx", reason: "No such file or directory")) {
            try await importer.importFile(at: "/nonexistent/file.idx")
        }
        let error = await #expect(throws: ImportError.self) { try await importer.importFile(at: html) }
        #expect(error?.localizedDescription.contains("WARN_Report_FY2019.pdf") == true)
        #expect(try store.filingCount() == 0)
        #expect(try store.warnNotices().isEmpty)
    }

    @Test func theRealCorpusImports() async throws {
        let files = ["edgar/index/daily/master.20200103.idx", "edgar/index/daily/form.20200318.idx", "edgar/index/daily/company.20221003.idx",
                     "warn/ca/edd_raw_2022-02-05/WARN_Report.xlsx"]
        let (importer, store) = try importer()
        for name in files {
            guard let url = SharedData.file(name) else { return }
            let outcome = try await importer.importFile(at: url.path)
            #expect(outcome.malformedRows == 0, "\(name)")
            #expect(outcome.recordsStored > 0, "\(name)")
        }
        #expect(try store.warnNotices().count == 370)
        let ledger = try store.ledger(feed: "ca-warn")
        #expect(ledger.first?.coversFrom != nil)
    }

    @Test(arguments: [
        ("March 31, 2025", IndexParseReport.Period.quarterly, "import/2025Q1", "2025-01-01", "2025-03-31"),
        ("Nov 17, 2025", .daily, "import/2025-11-17", "2025-11-17", "2025-11-17"),
        ("Jan  3, 2020", .daily, "import/2020-01-03", "2020-01-03", "2020-01-03"),
        ("Feb 14, 2025", .quarterly, "import/2025Q1", "2025-01-01", "2025-02-14"),
    ])
    func anIndexHeaderSaysWhichDaysItCovers(_ received: String, _ period: IndexParseReport.Period, _ unit: String, _ from: String, _ until: String) throws {
        let report = IndexParseReport(source: "x", kind: .master, period: period, description: "", lastDataReceived: received)
        let coverage = try #require(ImportedIndexCoverage(report))
        #expect(coverage.unit.stored == unit)
        #expect(coverage.from.iso == from && coverage.until.iso == until)
    }

    @Test(arguments: ["", "31 March 2025", "Smarch 3, 2025", "Feb 30, 2025"])
    func aHeaderWithoutAReadableDateClaimsNothing(_ received: String) {
        let report = IndexParseReport(source: "x", kind: .master, period: .quarterly, description: "", lastDataReceived: received)
        #expect(ImportedIndexCoverage(report) == nil)
    }

    @Test func everyRealDailyIndexNamesTheDayOfItsFileName() throws {
        let files = SharedData.files(under: "edgar/index/daily").filter { $0.lastPathComponent.hasPrefix("master.") }
        if SharedData.file("edgar/index/daily") != nil { #expect(!files.isEmpty) }
        for url in files {
            let digits = url.lastPathComponent.filter(\.isNumber)
            let report = try EDGARIndexParser.parse(try Data(contentsOf: url), source: url.path, keepForm: { _ in false }) { _ in }
            #expect(ImportedIndexCoverage(report)?.from == Day(digits), "\(url.lastPathComponent)")
        }
    }

    @Test func anImportedIndexCoversItsDaysOfflineWithoutMovingSync() async throws {
        let (importer, store) = try importer()
        let quarter = try write(String(decoding: try SharedData.fixture("backfill/master.2025QTR1.idx"), as: UTF8.self), "q.idx")
        let day = try write(String(decoding: try SharedData.fixture("mirror/master.20251117.idx"), as: UTF8.self), "d.idx")
        _ = try await importer.importFile(at: quarter)
        _ = try await importer.importFile(at: day)
        let context = importer.context
        let feed = try context.edgarFeed()
        let spans = try SECEvidence(context: context, feed: feed).listedSpans(cik: 1326801)
        #expect(spans.map { "\($0.from)..\($0.until)" } == ["2025-01-01..2025-03-31", "2025-11-17..2025-11-17"])
        // Sync still starts from its own first window, not from the day after an imported file.
        let due = try EDGARSync(context: context, feed: feed).daysDue(since: nil, until: nil)
        #expect(due.first == Day(context.now(), in: .eastern).adding(days: -((feed.firstSyncDays ?? 7) - 1)))
        #expect(try store.ledger(feed: feed.id).map(\.unit.stored).sorted() == ["import/2025-11-17", "import/2025Q1"])
    }
}
