import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The ticker map's prepared-statement import stores what writing each company as a record stores.
@Suite struct TickerImportTests {
    typealias Entry = (cik: Int64, ticker: String, name: String, exchange: String?)

    /// The reference: each company merged and written as a `Company` record, as the import did before.
    static func importByRecords(_ entries: [Entry], source: String, into store: Store) throws -> Int {
        var changed = 0
        for (cik, rows) in Dictionary(grouping: entries, by: \.cik) {
            let stored = try store.company(cik: cik)
            var company = stored ?? Company(cik: cik, name: rows[0].name, source: source)
            for row in rows where !company.tickers.contains(row.ticker) { company.tickers.append(row.ticker) }
            for exchange in rows.compactMap(\.exchange) where !company.exchanges.contains(exchange) { company.exchanges.append(exchange) }
            guard company != stored else { continue }
            try store.upsertCompany(company)
            changed += 1
        }
        return changed
    }

    /// Companies, names and word-index documents, without the time of the run.
    static func contents(_ store: Store) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT cik||'|'||name||'|'||tickers||'|'||exchanges||'|'||formerNames||'|'||source FROM company ORDER BY cik")
                + String.fetchAll(db, sql: "SELECT cik||'|'||name||'|'||normalized||'|'||kind FROM companyName ORDER BY cik, kind, normalized")
                + String.fetchAll(db, sql: "SELECT rowid||'|'||names FROM companyNameWords ORDER BY rowid")
        } + WordIndex.words(store).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: " "))" }
    }

    /// Two stores holding the same companies from before: one from an index row, one from submissions with former names.
    static func storesWithHistory() throws -> (Store, Store) {
        let stores = try (0..<2).map { index in
            try Store(path: try temporaryDirectory().appendingPathComponent("t\(index).sqlite").path)
        }
        for store in stores {
            try store.upsertCompany(Company(cik: 1000045, name: "NICHOLAS FINANCIAL INC", source: "master.idx"))
            try store.upsertCompany(
                Company(cik: 1326801, name: "Meta Platforms, Inc.", tickers: ["META"], formerNames: [FormerName(name: "FACEBOOK INC", from: "2004-07-30", to: "2021-10-28")],
                        source: "CIK0001326801.json"))
        }
        return (stores[0], stores[1])
    }

    @Test func ourEntriesStoreWhatTheRecordsStore() throws {
        let (fast, slow) = try Self.storesWithHistory()
        let entries: [Entry] = [
            (1326801, "META", "Meta Platforms, Inc.", "Nasdaq"), (1000045, "NICK", "Nicholas Financial", nil),
            (1784535, "MDAT", "Meta Data Ltd", nil), (1784535, "MDATW", "Meta Data Ltd", nil), (2, "", "", nil),
            (3, "BRK/A", "Berkshire/Hathaway \"Class A\"", "NYSE"), (4, "KK", "株式会社 データ", nil),
        ]
        for _ in 0..<2 {
            #expect(try fast.importTickers(entries, source: "map") == Self.importByRecords(entries, source: "map", into: slow))
            let (a, b) = (try Self.contents(fast), try Self.contents(slow))
            #expect(a == b, "only in the import: \(a.filter { !b.contains($0) }); only in the records: \(b.filter { !a.contains($0) })")
        }
        #expect(try fast.importTickers(entries, source: "map") == 0)
    }

    @Test func theRealMapsStoreWhatTheRecordsStore() throws {
        let (fast, slow) = try Self.storesWithHistory()
        // The companies of the first 1,500 rows of the first map, in both maps: the record path is slow.
        var companies: Set<Int64>?
        for name in ["company_tickers.json", "company_tickers_exchange.json"] {
            guard let url = SharedData.file("edgar/tickers/\(name)") else { return }
            let all = try TickerMapParser.parse(try Data(contentsOf: url), source: url.path)
            let kept = companies ?? Set(all.prefix(1500).map(\.cik))
            companies = kept
            let entries = all.filter { kept.contains($0.cik) }.map { ($0.cik, $0.ticker, $0.name, $0.exchange) }
            #expect(try fast.importTickers(entries, source: url.path) == Self.importByRecords(entries, source: url.path, into: slow), "\(name)")
            #expect(try Self.contents(fast) == Self.contents(slow), "\(name)")
        }
    }
}
