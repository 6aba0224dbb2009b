import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The bulk path stores exactly what the record-by-record path stores, at any buffer size.
@Suite struct BulkImportTests {
    /// Every master index of the corpus and of our fixtures, plain bytes.
    static func masterIndexes() throws -> [(name: String, data: Data)] {
        var files: [(String, Data)] = []
        for url in SharedData.files(under: "edgar/index") where url.lastPathComponent.hasPrefix("master.") {
            files.append((url.lastPathComponent, try Data(contentsOf: url)))
        }
        files.append(("master.2025QTR1.idx", try SharedData.fixture("backfill/master.2025QTR1.idx")))
        files.append(("master.2025QTR2.idx.gz", try SharedData.fixture("backfill/master.2025QTR2.idx.gz")))
        return files
    }

    /// The store's filings, companies, names and word index, without the columns that hold the time of the run.
    static func contents(_ store: Store) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT accession||'|'||cik||'|'||companyName||'|'||form||'|'||filingDate||'|'||url||'|'||source FROM (\(Store.filingsQuery(byCIK: false, since: false, until: false))) ORDER BY accession, cik")
                + String.fetchAll(db, sql: "SELECT cik||'|'||name||'|'||tickers||'|'||source FROM company ORDER BY cik")
                + String.fetchAll(db, sql: "SELECT cik||'|'||name||'|'||normalized||'|'||kind FROM companyName ORDER BY cik, kind, normalized")
                + String.fetchAll(db, sql: "SELECT rowid||'|'||names FROM companyNameWords ORDER BY rowid")
        } + WordIndex.words(store).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: " "))" }
    }

    @Test(arguments: [IndexForms.currentReports, .all])
    func theBulkPathStoresWhatTheRecordPathStores(forms: IndexForms) throws {
        for (name, data) in try Self.masterIndexes() {
            let slow = try BackfillTests.offlineContext()
            let feed = try slow.edgarFeed()
            let ingest = try IndexIngest.filings(from: data, source: name, feed: feed, now: Date(), keepAll: forms == .all)
            try slow.store.insertNewFilings(ingest.filings)
            let parsed = try EDGARIndexParser.parse(data, source: name) { _ in }

            for bufferSize in [IndexStream.defaultBufferSize, 97] {
                let fast = try BackfillTests.offlineContext()
                let outcome = try IndexBulkIngest(context: fast, feed: feed, forms: forms, bufferSize: bufferSize)
                    .run(try IndexByteSource(data: data, name: name), recordSource: name)
                #expect(outcome.report.rowsKept == ingest.filings.count, "\(name)")
                #expect(outcome.report.rowsSeen == parsed.rowsSeen, "\(name)")
                #expect(outcome.report.malformed == parsed.malformed, "\(name)")
                #expect(try Self.contents(fast.store) == Self.contents(slow.store), "\(name), buffer \(bufferSize)")
            }
        }
    }

    /// An index, then the whole of it again after every second row: a batch of new filers then mixes
    /// companies the store knows (from the first load, or named before any index) with new ones, and
    /// a company the user gave aliases before it was known keeps them in the word index.
    @Test func indexesLoadedInTurnStoreWhatTheRecordPathStores() throws {
        let slow = try BackfillTests.offlineContext()
        let fast = try BackfillTests.offlineContext()
        let feed = try slow.edgarFeed()
        // A company known before any index, by another name: both paths leave it as it is.
        let known = Company(cik: 354707, name: "Hawaiian Electric Industries (ours)", source: "test")
        for store in [slow.store, fast.store] {
            try store.upsertCompany(known)
            try store.writer.write { db in try store.setAliases(["Hawaiian Power"], cik: 46207, db) }
        }
        var loads: [(name: String, data: Data)] = []
        for (name, data) in try Self.masterIndexes() {
            loads.append(("every second row of \(name)", Self.everySecondRow(data)))
            loads.append((name, data))
        }
        for (name, data) in loads {
            let ingest = try IndexIngest.filings(from: data, source: name, feed: feed, now: Date(), keepAll: false)
            try slow.store.insertNewFilings(ingest.filings)
            _ = try IndexBulkIngest(context: fast, feed: feed, forms: .currentReports)
                .run(try IndexByteSource(data: data, name: name), recordSource: name)
            #expect(try Self.contents(fast.store) == Self.contents(slow.store), "after \(name)")
        }
        #expect(try fast.store.company(cik: 354707)?.name == known.name)
        if SharedData.isAvailable {
            let document = try fast.store.writer.read { db in try String.fetchOne(db, sql: "SELECT names FROM companyNameWords WHERE rowid = 46207") }
            #expect(document == "hawaiian power ; hawaiian electric")
        }
        let companies = try fast.store.companyCount()
        if SharedData.isAvailable { #expect(companies > 170) }
    }

    /// The index with its header and every second row after the separator line.
    static func everySecondRow(_ data: Data) -> Data {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let separator = lines.firstIndex(where: { $0.starts(with: Array("-----".utf8)) }) else { return data }
        let rows = lines[(separator + 1)...].enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        return Data(Array(lines[...separator] + rows).joined(separator: [UInt8(ascii: "\n")]))
    }

    @Test func importingTwiceStoresEachFilingOncePerFilerAndKeepsTheFirstRows() async throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("master.idx").path
        let data = try SharedData.fixture("backfill/master.2025QTR1.idx")
        try data.write(to: URL(fileURLWithPath: path))
        let context = try BackfillTests.offlineContext()
        let importer = Importer(context: context)

        let first = try await importer.importFile(at: path, forms: .all)
        #expect(first.kind == "masterIndex")
        #expect(first.rowsRead == 12)
        #expect(first.recordsStored == 12)
        let again = try await importer.importFile(at: path, forms: .all)
        #expect(again.recordsStored == 0)
        #expect(try context.store.filingCount() == 12)
        // The first three rows after the header (edgartools drops them from daily indexes) are kept.
        let stored = try BackfillTests.storedFilings(context.store)
        #expect(stored.isSuperset(of: ["1000045/0000950170-25-015349", "1000045/0000950170-25-019102", "1000209/0001193125-25-052311"]))
        // Issuer and owner share one Form 4: each company has it.
        #expect(try context.store.filings(cik: 1000228).map(\.accession) == ["0001209191-25-014512"])
        #expect(try context.store.filings(cik: 1000232).map(\.accession) == ["0001209191-25-014512"])
        let meta = try context.store.filings(cik: 1326801)
        #expect(meta.map(\.form) == ["10-K", "8-K"])
        #expect(meta.last?.url == "https://www.sec.gov/Archives/edgar/data/1326801/000132680125000012/0001326801-25-000012-index.htm")
        #expect(meta.last?.source == path)
    }

    @Test func aGzipIndexImportsLikeItsPlainBytes() async throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("master.idx.gz").path
        try SharedData.fixture("backfill/master.2025QTR2.idx.gz").write(to: URL(fileURLWithPath: path))
        let context = try BackfillTests.offlineContext()
        let outcome = try await Importer(context: context).importFile(at: path)
        #expect(outcome.rowsRead == 6)
        #expect(outcome.recordsStored == 6)
        #expect(outcome.malformedRows == 1)
    }

    @Test func theURLTemplateWritesWhatTheFeedBuilds() throws {
        let feed = try BackfillTests.offlineContext().edgarFeed()
        let template = try FilingURLTemplate(feed: feed)
        var buffer: [UInt8] = []
        for (cik, accession) in [(Int64(1326801), "0001326801-25-000012"), (0, "0000000000-00-000000"), (9_999_999_999, "0001628280-25-061001")] {
            Array(accession.utf8).withUnsafeBufferPointer { template.write(cik: cik, accession: $0, into: &buffer) }
            #expect(String(decoding: buffer, as: UTF8.self) == (try FilingURL.index(feed: feed, cik: cik, accession: accession).absoluteString))
        }
    }

    @Test func formsKeptByBytesAgreeWithTheModel() {
        for form in ["8-K", "8-K/A", "8-K12B", "8-K15D5", "10-K", "4", "8-k", ""] {
            Array(form.utf8).withUnsafeBufferPointer { bytes in
                #expect(IndexForms.currentReports.keeps(bytes, 0..<bytes.count) == Filing.isCurrentReportForm(form))
                #expect(IndexForms.all.keeps(bytes, 0..<bytes.count))
            }
        }
    }
}
