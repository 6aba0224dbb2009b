import FilingsModel
import Foundation
import GRDB

extension Store {
    /// What one bulk load stored.
    struct BulkLoad {
        var report: IndexParseReport
        /// Rows new to the store.
        var inserted: Int
        /// The new rows that belong to watched companies.
        var watchedFilings: [Filing]
    }

    /// Loads one index through a `BulkFilingWriter` in one write transaction: a cache sized for
    /// the load, secondary indexes rebuilt afterwards when the table is young (`expectedRows`), the
    /// new filers' names added to the word index in one pass, and the ledger entry `ledger` builds
    /// committed with the rows, so a crash leaves neither or both.
    func bulkLoad(
        source: String, fetchedAt: Date, urlTemplate: FilingURLTemplate, watched: Set<Int64>, expectedRows: Int, cacheKiB: Int,
        ledger: ((IndexParseReport, Int) -> LedgerEntry?)?, fill: (BulkFilingWriter) throws -> IndexParseReport
    ) throws -> BulkLoad {
        try writer.write { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
            let deferred = try Store.deferIndexes(db, ifFewerRowsThan: expectedRows)
            let namesBefore = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM companyName") ?? 0
            let writer = try BulkFilingWriter(db, source: source, fetchedAt: fetchedAt, urlTemplate: urlTemplate, watched: watched)
            let report = try fill(writer)
            try writer.finish()
            try Store.rebuildIndexes(deferred, db)
            try Store.indexNames(addedAfter: namesBefore, db)
            if let entry = ledger?(report, writer.inserted) { try entry.save(db) }
            return BulkLoad(report: report, inserted: writer.inserted, watchedFilings: writer.watchedFilings)
        }
    }

    /// Drops the secondary indexes of `filing` and `companyName` when a table holds fewer than
    /// `rows` rows, and returns their SQL for `rebuildIndexes`: building an index once, sorted,
    /// after a bulk load costs far less than updating it row by row. The caller's transaction
    /// keeps this all or nothing; unique indexes (the primary keys) are never dropped.
    static func deferIndexes(_ db: Database, ifFewerRowsThan rows: Int) throws -> [String] {
        guard rows > 0 else { return [] }
        var statements: [String] = []
        for table in ["filing", "companyName"] {
            // Counts no further than `rows`: a full count of ten million filings would take a second.
            let held = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(table.quotedDatabaseIdentifier) LIMIT ?)", arguments: [rows]) ?? 0
            guard held < rows else { continue }
            let indexes = try Row.fetchAll(
                db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
                arguments: [table])
            for index in indexes {
                let name: String = index["name"]
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                statements.append(index["sql"])
            }
        }
        return statements
    }

    /// Recreates the indexes `deferIndexes` dropped, from their own SQL.
    static func rebuildIndexes(_ statements: [String], _ db: Database) throws {
        for sql in statements { try db.execute(sql: sql) }
    }
}
