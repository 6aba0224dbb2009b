import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

@Suite struct StoreTests {
    @Test func migratesAFreshFileInWALMode() throws {
        let dir = try temporaryDirectory()
        let store = try Store(path: dir.appendingPathComponent("a/b/filings.sqlite").path)
        let mode = try store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 16384)
        let tables = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name") }
        #expect(tables.contains("filing") && tables.contains("event") && tables.contains("ledgerEntry"))
    }

    @Test func companyNamesNormalize() {
        #expect(CompanyName.normalize("Meta Platforms, Inc.") == "meta platforms")
        #expect(CompanyName.normalize("UNIVERSAL DISPLAY CORP \\PA\\") == "universal display")
        #expect(CompanyName.normalize("BETHLEHEM STEEL CORP /DE/") == "bethlehem steel")
        #expect(CompanyName.normalize("David&rsquo;s Bridal") == "davids bridal")
        #expect(CompanyName.normalize("AT&amp;T INC.") == "at and t")
    }
}
