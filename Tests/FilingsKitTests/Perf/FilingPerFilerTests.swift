import Foundation
import GRDB
import Testing

@testable import FilingsKit

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

    static func load(_ text: String, into context: FilingsContext) throws -> BackfillIngest.Outcome {
        try BackfillIngest(context: context, feed: try context.edgarFeed(), forms: .currentReports)
            .run(try BackfillByteSource(data: Data(text.utf8), name: "master.20200103.idx"), recordSource: "master.20200103.idx")
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
        try context.store.raise([], settling: [read])
        #expect(try context.store.filingsAwaitingEvents(cik: 46207).isEmpty)
    }

    @Test func theRealDailyIndexKeepsEveryCoRegistrant() throws {
        guard let url = SharedData.file("edgar/index/daily/master.20200103.idx") else { return }
        let context = try BackfillTests.offlineContext()
        _ = try BackfillIngest(context: context, feed: try context.edgarFeed(), forms: .currentReports)
            .run(try BackfillByteSource(data: try Data(contentsOf: url), name: url.lastPathComponent), recordSource: url.path)
        for (cik, accession) in [(354707, "0000354707-20-000002"), (46207, "0000354707-20-000002"), (1287865, "0001193125-20-000720"),
                                 (1524607, "0001193125-20-000720")] as [(Int64, String)] {
            #expect(try context.store.filings(cik: cik).map(\.accession).contains(accession), "\(cik)")
        }
        let (entries, _) = try EDGARIndexParser.entries(try Data(contentsOf: url), source: url.path, keepForm: Filing.isCurrentReportForm)
        #expect(try context.store.filingCount() == Set(entries.map { "\($0.cik)/\($0.accession)" }).count)
    }

    @Test func aVersion7DatabaseKeepsItsFilingsUnderTheNewKey() throws {
        let path = try temporaryDirectory().appendingPathComponent("v7.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v7-warn-letters-without-received-date")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO filing (accession, cik, companyName, form, filingDate, acceptedAt, items, primaryDocument, url, source, fetchedAt, awaitingEvents)
                    VALUES ('0001326801-25-000012', 1326801, 'Meta Platforms, Inc.', '8-K', '2025-01-29', '2025-01-29T16:05:12.000Z', '["2.02","9.01"]',
                            'meta-20250129.htm', 'https://example.test/Archives/1326801-index.htm', 'https://example.test/CIK0001326801.json',
                            '2026-01-02 03:04:05.678', 'history'),
                           ('0001326801-25-000017', 1326801, 'Meta Platforms, Inc.', '10-K', '2025-01-30', NULL, NULL, NULL,
                            'https://example.test/Archives/1326801-10k.htm', 'master.idx', '2026-01-01 00:00:00.000', NULL)
                    """)
        }
        try old.close()

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
