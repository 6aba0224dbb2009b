import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// `filings backfill` over a loopback EDGAR: two quarters (one gzip), an interruption, a resume.
@Suite(.serialized) struct BackfillTests {
    static func path(_ year: Int, _ quarter: Int, gzip: Bool = false) -> String {
        "/Archives/edgar/full-index/\(year)/QTR\(quarter)/master.\(gzip ? "gz" : "idx")"
    }

    /// A fixture's kept rows as `CIK/ACCESSION`, each once: what the store must end up holding.
    static func filings(_ fixture: String, forms: IndexForms) throws -> Set<String> {
        let (entries, _) = try EDGARIndexParser.entries(try SharedData.fixture(fixture), source: fixture, keepForm: forms.keeps)
        return Set(entries.map { "\($0.cik)/\($0.accession)" })
    }

    /// Each stored filing as `CIK/ACCESSION`: a filing co-filed by two companies is stored for each.
    static func storedFilings(_ store: Store) throws -> Set<String> {
        try store.writer.read { db in Set(try String.fetchAll(db, sql: "SELECT cik || '/' || accession FROM filing")) }
    }

    @Test func anInterruptedBackfillResumesAtTheUnfinishedQuarterWithoutDuplicates() async throws {
        try await LoopbackServer.serving { server in
            let first = try SharedData.fixture("backfill/master.2025QTR1.idx")
            let second = try SharedData.fixture("backfill/master.2025QTR2.idx.gz")
            // The first quarter only as plain text (master.gz answers 404), the second as gzip, which
            // fails (the client tries twice) before it answers.
            await server.route(Self.path(2025, 1), .ok(first))
            await server.route(Self.path(2025, 2, gzip: true), .status(500), .status(500), .ok(second))
            let mirror = EDGARMirror(server: server, feedsDirectory: try EDGARMirror.writeFeeds(base: server.baseURL))
            let clock = TestClock("2025-08-04T12:00:00Z")
            let context = try mirror.context(now: clock.now)
            let backfill = Backfill(context: context)
            let q1 = try #require(Quarter("2025Q1"))
            let q2 = try #require(Quarter("2025Q2"))

            var seen: [BackfillProgress] = []
            let interrupted = await backfill.run(from: q1, to: q2) { seen.append($0) }
            #expect(interrupted.stored == ["2025Q1"])
            #expect(interrupted.failure?.hasPrefix("2025Q2") == true)
            #expect(try Self.storedFilings(context.store) == Self.filings("backfill/master.2025QTR1.idx", forms: .currentReports))
            #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q1"))?.status == .ok)
            #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q2"))?.status == .failed)
            #expect(seen.first?.quarter == "2025Q1")
            #expect(seen.contains { $0.quarter == "2025Q1" && $0.bytesRead == first.count })

            let resumed = await backfill.run(from: q1, to: q2)
            #expect(resumed.failure == nil)
            #expect(resumed.skipped == ["2025Q1"])
            #expect(resumed.stored == ["2025Q2"])
            #expect(resumed.malformedRows == 1)
            let expected = try Self.filings("backfill/master.2025QTR1.idx", forms: .currentReports)
                .union(Self.filings("backfill/master.2025QTR2.idx.gz", forms: .currentReports))
            #expect(try Self.storedFilings(context.store) == expected)
            #expect(try context.store.filingCount() == expected.count)
            let entry = try #require(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q2")))
            #expect(entry.status == .ok)
            #expect(entry.coversFrom == "2025-04-01")
            #expect(entry.coversUntil == "2025-06-30")
            #expect(entry.unit.day == nil)
            // The Latin-1 name is decoded as the parser decodes it.
            #expect(try context.store.company(cik: 1001250)?.name == "ESTÉE LAUDER COMPANIES INC")

            let again = await backfill.run(from: q1, to: q2)
            #expect(again.stored == [])
            #expect(again.skipped == ["2025Q1", "2025Q2"])
            #expect(await server.requests(to: Self.path(2025, 1)).count == 1)
            #expect(await server.requests(to: Self.path(2025, 2, gzip: true)).count == 3)
            #expect(await server.requests(to: Self.path(2025, 2)).isEmpty)

            // Asking for every form makes the 8-K-only quarters due again; rows already stored stay single.
            let all = await backfill.run(from: q1, to: q2, forms: .all)
            #expect(all.stored == ["2025Q1", "2025Q2"])
            let everything = try Self.filings("backfill/master.2025QTR1.idx", forms: .all)
                .union(Self.filings("backfill/master.2025QTR2.idx.gz", forms: .all))
            #expect(try context.store.filingCount() == everything.count)
        }
    }

    @Test func theCurrentQuarterIsFetchedAgainUntilItHasEnded() async throws {
        try await LoopbackServer.serving { server in
            await server.route(Self.path(2025, 1), .ok(try SharedData.fixture("backfill/master.2025QTR1.idx")))
            let mirror = EDGARMirror(server: server, feedsDirectory: try EDGARMirror.writeFeeds(base: server.baseURL))
            let clock = TestClock("2025-03-20T12:00:00Z")
            let context = try mirror.context(now: clock.now)
            let q1 = try #require(Quarter("2025Q1"))
            let during = await Backfill(context: context).run(from: q1)
            #expect(during.stored == ["2025Q1"])
            #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q1"))?.coversUntil == "2025-03-20")
            clock.advance(by: 30 * 86_400)
            let after = await Backfill(context: context).run(from: q1, to: q1)
            #expect(after.stored == ["2025Q1"])
            let settled = await Backfill(context: context).run(from: q1, to: q1)
            #expect(settled.skipped == ["2025Q1"])
            #expect(await server.requests(to: Self.path(2025, 1)).count == 2)
        }
    }

    @Test func aQuarterIsStoredWhollyOrNotAtAll() async throws {
        let compressed = try SharedData.fixture("backfill/master.2025QTR2.idx.gz")
        // The gzip stream cut off before its end: the first rows stream in before the error, then roll back.
        let truncated = Data(compressed.prefix(compressed.count - 40))
        let context = try Self.offlineContext()
        let ingest = IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: .all, bufferSize: 64)
        var buffersRead = 0
        #expect(throws: EDGARFormatError.self) {
            try ingest.run(
                try IndexByteSource(data: truncated, name: "cut.gz"), recordSource: "cut.gz",
                ledger: { _, _ in LedgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q2"), status: .ok, url: "cut.gz") },
                progress: { _ in buffersRead += 1 })
        }
        #expect(buffersRead >= 1)  // a buffer of rows went into the transaction before the error
        #expect(try context.store.filingCount() == 0)
        #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q2")) == nil)
        // The whole stream is stored, with its ledger entry in the same transaction.
        let whole = try ingest.run(try IndexByteSource(data: compressed, name: "whole.gz"), recordSource: "whole.gz") { report, _ in
            LedgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q2"), status: .ok, url: "whole.gz", rows: report.rowsKept)
        }
        #expect(whole.inserted == 8)
        #expect(whole.report.malformedCount == 1)
        #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q2"))?.rows == 8)
    }

    @Test func quartersParseCountAndNeverLookLikeDays() throws {
        let quarter = try #require(Quarter("2004Q3"))
        #expect(quarter.description == "2004Q3")
        #expect(Quarter("2004q4")?.description == "2004Q4")
        #expect(Quarter("2004Q5") == nil)
        #expect(Quarter("2004-07-01") == nil)
        #expect(Day("2004Q3") == nil)
        #expect(quarter.firstDay.iso == "2004-07-01")
        #expect(quarter.lastDay.iso == "2004-09-30")
        #expect(Quarter.range(quarter, try #require(Quarter("2005Q2"))).map(\.description) == ["2004Q3", "2004Q4", "2005Q1", "2005Q2"])
        #expect(Quarter(containing: try #require(Day("2025-11-24"))).description == "2025Q4")
    }

    static func offlineContext() throws -> FilingsContext {
        try .offline(try Store(path: try temporaryDirectory().appendingPathComponent("filings.sqlite").path))
    }
}

