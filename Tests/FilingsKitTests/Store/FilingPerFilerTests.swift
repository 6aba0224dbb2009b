import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// A filing is stored once per filer: EDGAR lists a co-registrants' 8-K under each of their CIKs.
@Suite struct FilingPerFilerTests {
    /// A daily master index (our own) where a utility and its parent file one 8-K, the parent's CIK first.
    static let coFiledIndex = """
        Description:           Daily Index of EDGAR Dissemination Feed
        Last Data Received:    Jan  3, 2020
        Comments:              webmaster@sec.gov
        Anonymous FTP:         ftp://ftp.sec.gov/edgar/
         
        CIK|Company Name|Form Type|Date Filed|File Name
        --------------------------------------------------------------------------------
        354707|HAWAIIAN ELECTRIC INDUSTRIES INC|8-K|20200103|edgar/data/354707/0000354707-20-000002.txt
        46207|HAWAIIAN ELECTRIC CO INC|8-K|20200103|edgar/data/46207/0000354707-20-000002.txt

        """

    /// The path of a database file whose schema stops at `migration`, holding what `sql` inserts.
    static func database(at migration: String, holding sql: String) throws -> String {
        let path = try temporaryDirectory().appendingPathComponent("\(migration).sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: migration)
        try old.write { db in try db.execute(sql: sql) }
        try old.close()
        return path
    }

    static func load(_ text: String, into context: FilingsContext) throws -> IndexBulkIngest.Outcome {
        try IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: .currentReports)
            .run(try IndexByteSource(data: Data(text.utf8), name: "master.20200103.idx"), recordSource: "master.20200103.idx")
    }

    @Test func eachCoRegistrantHasTheFilingAndItsItemCodesLandOnItsOwnRow() throws {
        let context = try BackfillTests.offlineContext()
        #expect(try Self.load(Self.coFiledIndex, into: context).inserted == 2)
        #expect(try Self.load(Self.coFiledIndex, into: context).inserted == 0)
        for cik: Int64 in [354707, 46207] {
            let filings = try context.store.filings(cik: cik)
            #expect(filings.map(\.accession) == ["0000354707-20-000002"], "\(cik)")
            #expect(filings.first?.url.contains("/data/\(cik)/000035470720000002/") == true, "\(filings)")
        }

        // The subsidiary's submissions list brings item codes: they go to its row, and only its row awaits events.
        let loaded = try #require(try context.store.filings(cik: 46207).first)
        var read = loaded
        read.items = ["5.02", "9.01"]
        read.source = "https://data.sec.gov/submissions/CIK0000046207.json"
        #expect(try context.store.upsertSubmissionFilings([read], historical: false).map(\.cik) == [46207])
        #expect(try context.store.filings(cik: 46207).first?.items == ["5.02", "9.01"])
        #expect(try context.store.filings(cik: 354707).first?.items == nil)
        #expect(try context.store.filingsAwaitingEvents(cik: 46207).map(\.filing.accession) == ["0000354707-20-000002"])
        #expect(try context.store.filingsAwaitingEvents(cik: 354707).isEmpty)
        // A row keeps the URL it was stored with, and raising its events settles only that filer's row.
        #expect(try context.store.filings(cik: 46207).first?.url == loaded.url)
        _ = try context.store.raise([], settling: [read])
        #expect(try context.store.filingsAwaitingEvents(cik: 46207).isEmpty)
    }

    @Test func eachCoRegistrantGetsItsEventsAndTheSharedDocumentIsReadOnce() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let context = try mirror.context(now: TestClock("2025-11-24T17:00:00Z").now)
            // Meta's Item 2.05 workforce reduction, which the mirror serves, as if a subsidiary had co-filed it.
            let accession = "0001628280-25-061001"
            let parent = Filing(
                accession: accession, cik: 1326801, companyName: "Meta Platforms, Inc.", form: "8-K", filingDate: "2025-11-18",
                items: ["2.05", "9.01"], url: "https://example.test/1326801-index.htm", source: "test")
            var sibling = parent
            sibling.cik = 1_999_999
            sibling.companyName = "META SUBSIDIARY LLC"
            sibling.url = "https://example.test/1999999-index.htm"
            try context.store.upsertSubmissionFilings([parent, sibling], historical: false)

            let stage = FilingEventStage(context: context, feed: try context.edgarFeed())
            _ = try await stage.run([parent], company: "Meta Platforms, Inc.", historical: false, readSince: "2025-01-01")
            let second = try await stage.run([sibling], company: "Meta Subsidiary", historical: false, readSince: "2025-01-01")
            #expect(await server.requests(to: EDGARMirror.filingTextPath(accession)).count == 1)
            #expect(second.eventsRaised == 1)

            for (cik, company, url) in [(Int64(1326801), "Meta Platforms, Inc.", parent.url), (1_999_999, "Meta Subsidiary", sibling.url)] {
                let events = try context.store.events(EventQuery(cik: cik))
                // The reading's layoff stands in for the item event, for each filer under its own key.
                #expect(events.map(\.kind) == [.layoff], "\(cik): \(events)")
                #expect(events.first?.strength == .documentText && events.first?.employees == 600, "\(cik)")
                #expect(events.first?.company == company && events.first?.url == url, "\(cik)")
                #expect(events.first?.key.hasPrefix("sec-8k:\(cik):\(accession):layoff") == true, "\(cik)")
            }
            // Running again raises nothing for either.
            #expect(try await stage.run([sibling], company: "Meta Subsidiary", historical: false, readSince: "2025-01-01").eventsRaised == 0)
            #expect(try await stage.run([parent], company: "Meta Platforms, Inc.", historical: false, readSince: "2025-01-01").eventsRaised == 0)
        }
    }

    @Test func storedEventKeysTakeTheirFilerSoNothingIsRaisedTwice() throws {
        let path = try Self.database(
            at: "v8-filing-per-filer",
            holding: """
                    INSERT INTO event (key, cik, company, kind, source, sourceRef, date, summary, strength, historical, createdAt, deliveredAt)
                    VALUES ('sec-8k:0000895419-24-000087:layoff', 895419, 'WOLFSPEED, INC.', 'layoff', 'sec-8k', '0000895419-24-000087',
                            '2024-11-06', '8-K Item 2.05 exit or disposal costs', 'sec-item', 0, '2024-11-07 00:00:00.000', '2024-11-07 06:00:00.000'),
                           ('ca-warn:abc:layoff', NULL, 'WOLFSPEED', 'layoff', 'ca-warn', 'abc', '2024-11-06', 'WARN', 'legal-notice', 0,
                            '2024-11-07 00:00:00.000', NULL)
                    """)
        let store = try Store(path: path)
        let keys = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT key FROM event ORDER BY key") }
        #expect(keys == ["ca-warn:abc:layoff", "sec-8k:895419:0000895419-24-000087:layoff"])
        let filing = Filing(
            accession: "0000895419-24-000087", cik: 895419, companyName: "WOLFSPEED, INC.", form: "8-K", filingDate: "2024-11-06",
            items: ["2.05"], url: "https://example.test/index.htm", source: "test")
        #expect(try store.raise(EventRaiser.events(for: filing, company: "WOLFSPEED, INC.", historical: false, now: Date())).isEmpty)
    }

    @Test func theRealDailyIndexKeepsEveryCoRegistrant() throws {
        guard let url = SharedData.file("edgar/index/daily/master.20200103.idx") else { return }
        let context = try BackfillTests.offlineContext()
        _ = try IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: .currentReports)
            .run(try IndexByteSource(data: try Data(contentsOf: url), name: url.lastPathComponent), recordSource: url.path)
        for (cik, accession) in [(354707, "0000354707-20-000002"), (46207, "0000354707-20-000002"), (1287865, "0001193125-20-000720"),
                                 (1524607, "0001193125-20-000720")] as [(Int64, String)] {
            #expect(try context.store.filings(cik: cik).map(\.accession).contains(accession), "\(cik)")
        }
        let (entries, _) = try EDGARIndexParser.entries(try Data(contentsOf: url), source: url.path, keepForm: Filing.isCurrentReportForm)
        #expect(try context.store.filingCount() == Set(entries.map { "\($0.cik)/\($0.accession)" }).count)
    }

    @Test func aVersion7DatabaseKeepsItsFilingsUnderTheNewKey() throws {
        let path = try Self.database(
            at: "v7-warn-letters-without-received-date",
            holding: """
                    INSERT INTO filing (accession, cik, companyName, form, filingDate, acceptedAt, items, primaryDocument, url, source, fetchedAt, awaitingEvents)
                    VALUES ('0001326801-25-000012', 1326801, 'Meta Platforms, Inc.', '8-K', '2025-01-29', '2025-01-29T16:05:12.000Z', '["2.02","9.01"]',
                            'meta-20250129.htm', 'https://example.test/Archives/1326801-index.htm', 'https://example.test/CIK0001326801.json',
                            '2026-01-02 03:04:05.678', 'history'),
                           ('0001326801-25-000017', 1326801, 'Meta Platforms, Inc.', '10-K', '2025-01-30', NULL, NULL, NULL,
                            'https://example.test/Archives/1326801-10k.htm', 'master.idx', '2026-01-01 00:00:00.000', NULL)
                    """)

        let notices = Notices()
        let store = try Store(path: path, upgrading: notices.append)
        // The rewrite is announced before it starts, and only once.
        #expect(notices.lines.count == 1 && notices.lines[0].contains("storing 2 filings once per filer"), "\(notices.lines)")
        _ = try Store(path: path, upgrading: notices.append)
        _ = try Store(path: try temporaryDirectory().appendingPathComponent("new.sqlite").path, upgrading: notices.append)
        #expect(notices.lines.count == 1)
        let filings = try store.filings(cik: 1326801)
        #expect(filings.map(\.accession) == ["0001326801-25-000017", "0001326801-25-000012"])
        let eightK = try #require(filings.last)
        #expect(eightK.items == ["2.02", "9.01"])
        #expect(eightK.acceptedAt == "2025-01-29T16:05:12.000Z")
        #expect(eightK.primaryDocument == "meta-20250129.htm")
        #expect(eightK.url == "https://example.test/Archives/1326801-index.htm")
        #expect(eightK.source == "https://example.test/CIK0001326801.json")
        #expect(eightK.fetchedAt == Date(timeIntervalSince1970: 1_767_323_045.678))
        #expect(filings.first?.url == "https://example.test/Archives/1326801-10k.htm")
        #expect(filings.first?.source == "master.idx")
        #expect(try store.filingsAwaitingEvents(cik: 1326801).map(\.historical) == [true])
    }
}

/// Lines a store announced.
private final class Notices: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ line: String) { lines.append(line) }
}
