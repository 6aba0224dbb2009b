import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// The lookups `watch`, `events`, `check` and `sync` make are answered from indexes, not scans,
/// so they stay fast with tens of millions of filings. The SQL is what the store's requests run.
@Suite struct QueryPlanTests {
    /// A lookup, its arguments, and the tables it may scan (the watch list is a handful of rows).
    struct Lookup: CustomStringConvertible {
        var name: String
        var sql: String
        var arguments: StatementArguments
        var mayScan: [String] = []
        var description: String { name }
    }

    static let lookups: [Lookup] = [
        Lookup(
            name: "filings of one company in a window (check, records --company, watch)",
            sql: Store.filingsQuery(byCIK: true, since: true, until: true),
            arguments: [1326801, "2025-01-01", "2025-06-30"]),
        Lookup(
            name: "8-Ks of one company (watch)",
            sql: Store.filingsQuery(byCIK: true, since: false, until: false, currentReportsOnly: true),
            arguments: [1326801]),
        Lookup(
            name: "8-Ks in a window (records)",
            sql: Store.filingsQuery(byCIK: false, since: true, until: true, currentReportsOnly: true, limited: true),
            arguments: ["2025-01-01", "2025-01-31", 1000]),
        Lookup(
            name: "one filing of one filer (sync, submissions upsert)",
            sql: "SELECT \(Store.filingColumns) FROM filing \(Store.filingSourceJoin) WHERE filing.cik = ? AND filing.accession = ?",
            arguments: [1326801, "0001326801-25-000012"]),
        Lookup(
            name: "a company's filings awaiting their events (sync, after an interrupted run)",
            sql: "SELECT \(Store.filingColumns) FROM filing \(Store.filingSourceJoin) WHERE filing.cik = ? AND filing.awaitingEvents IS NOT NULL ORDER BY filing.filingDate",
            arguments: [1326801]),
        Lookup(
            name: "watched 8-Ks awaiting item codes (sync)",
            sql: "SELECT \(Store.filingColumns) FROM watch CROSS JOIN filing ON filing.cik = watch.cik \(Store.filingSourceJoin) WHERE filing.items IS NULL AND filing.form IN ('8-K', '8-K/A') ORDER BY filing.filingDate",
            arguments: [], mayScan: ["watch"]),
        Lookup(
            name: "names equal to a normalized name or ticker (watch, events NAME, check NAME)",
            sql: #"SELECT * FROM "companyName" WHERE ("normalized" = ?) OR (("kind" = 'ticker') AND ("normalized" = ?))"#,
            arguments: ["meta platforms", "META"]),
        Lookup(
            name: "names holding a phrase (watch, events NAME, check NAME of a company not known by that exact name)",
            sql: "SELECT * FROM companyName WHERE kind <> 'ticker' AND cik IN (SELECT rowid FROM companyNameWords WHERE companyNameWords MATCH ? LIMIT 1000)",
            arguments: ["\"meta platforms\""]),
        Lookup(
            name: "a company's names (company upserts, aliases)",
            sql: #"SELECT * FROM "companyName" WHERE ("cik" = ?) AND ("kind" <> 'alias')"#, arguments: [1326801]),
        Lookup(
            name: "a company by CIK (watch, events)",
            sql: #"SELECT * FROM "company" WHERE "cik" = ?"#, arguments: [1326801]),
        Lookup(
            name: "events of one company in a window (events NAME, check)",
            sql: #"SELECT * FROM "event" WHERE ("cik" = ?) AND ("date" >= ?) AND ("date" <= ?) AND ("historical" = 0) ORDER BY "date" DESC, "id" DESC LIMIT ?"#,
            arguments: [1326801, "2025-01-01", "2025-12-31", 500]),
        Lookup(
            name: "undelivered events (digest)",
            sql: #"SELECT * FROM "event" WHERE ("deliveredAt" IS NULL) AND ("historical" = 0) ORDER BY "date" DESC, "id" DESC"#,
            arguments: []),
        Lookup(
            name: "the ledger of a feed (sync, backfill, check coverage)",
            sql: #"SELECT * FROM "ledgerEntry" WHERE "feed" = ? ORDER BY "unit""#, arguments: ["sec-edgar"]),
        Lookup(
            name: "one ledger unit (sync, backfill)",
            sql: #"SELECT * FROM "ledgerEntry" WHERE ("feed" = ?) AND ("unit" = ?)"#, arguments: ["sec-edgar", "2025Q1"]),
        Lookup(
            name: "WARN notices of one company (check)",
            sql: #"SELECT * FROM "warnNotice" WHERE "normalizedCompany" = ? ORDER BY "noticeDate" DESC"#, arguments: ["meta platforms"]),
    ]

    static let planStore: Result<Store, Error> = Result {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("plans.sqlite").path)
        let context = try FilingsContext.offline(store)
        _ = try IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: .all)
            .run(try IndexByteSource(data: try SharedData.fixture("backfill/master.2025QTR1.idx"), name: "q1"), recordSource: "q1")
        return store
    }

    @Test(arguments: lookups)
    func lookupIsAnsweredFromAnIndex(_ lookup: Lookup) throws {
        let store = try Self.planStore.get()
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + lookup.sql, arguments: lookup.arguments).map { $0["detail"] as String }
        }
        let searches = plan.filter { $0.hasPrefix("SEARCH") || $0.hasPrefix("SCAN") }
        #expect(!searches.isEmpty, "\(plan)")
        for step in searches {
            let scanned = step.hasPrefix("SCAN") ? step.split(separator: " ").dropFirst().first.map(String.init) : nil
            if let scanned, lookup.mayScan.contains(scanned) { continue }
            // A full-text table is searched through its own index: FTS5 marks a MATCH constraint with "M".
            if step.contains("VIRTUAL TABLE INDEX") {
                #expect(step.contains(":M"), "\(lookup.name): \(plan)")
                continue
            }
            #expect(
                step.contains("USING INDEX") || step.contains("USING COVERING INDEX") || step.contains("PRIMARY KEY")
                    || step.contains("USING INTEGER PRIMARY KEY"),
                "\(lookup.name): \(plan)")
            #expect(!step.hasPrefix("SCAN"), "\(lookup.name): \(plan)")
        }
    }
}
