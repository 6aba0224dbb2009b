import Foundation
import GRDB
import GRDBSQLite

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
        source: String, fetchedAt: Date, urlTemplate: BackfillURLTemplate, watched: Set<Int64>, expectedRows: Int, cacheKiB: Int,
        ledger: ((IndexParseReport, Int) -> LedgerEntry?)?, fill: (BulkFilingWriter) throws -> IndexParseReport
    ) throws -> BulkLoad {
        try writer.write { db in
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
            let deferred = try Store.deferIndexes(db, ifFewerRowsThan: expectedRows)
            let namesBefore = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM companyName") ?? 0
            let writer = try BulkFilingWriter(db, source: source, fetchedAt: fetchedAt, urlTemplate: urlTemplate, watched: watched)
            let report = try fill(writer)
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
            guard try Int.fetchOne(db, sql: "SELECT max(rowid) FROM \(table.quotedDatabaseIdentifier)") ?? 0 < rows else { continue }
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

    /// Writes index rows into `filing` at bulk speed, inside a write transaction its caller holds.
    ///
    /// Same effect as `insertNewFilings`: rows already stored are left as they are, and each CIK
    /// not yet known is noted as a company with its current name. The statements are prepared once
    /// and bound straight from the index bytes (`SQLITE_STATIC`), so a kept row costs no `String`
    /// unless its name is not ASCII or its company is new.
    final class BulkFilingWriter {
        private let db: Database
        private let insertFiling: Statement
        private let insertCompany: Statement
        private let insertName: Statement
        private let urlTemplate: BackfillURLTemplate
        private let source: String
        private let fetchedAt: Date
        private let watched: Set<Int64>
        /// CIKs already noted in this run: their company row exists, so it is not looked up again.
        private var notedCIKs = Set<Int64>()
        private var url: [UInt8] = []
        /// Rows that were new to the store.
        private(set) var inserted = 0
        /// New filings of watched companies, for events.
        private(set) var watchedFilings: [Filing] = []

        /// Prepares the statements on `db`, whose write transaction the caller holds for the writer's life.
        init(_ db: Database, source: String, fetchedAt: Date, urlTemplate: BackfillURLTemplate, watched: Set<Int64>) throws {
            self.db = db
            self.source = source
            self.fetchedAt = fetchedAt
            self.urlTemplate = urlTemplate
            self.watched = watched
            insertFiling = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO filing (accession, cik, companyName, form, filingDate, url, source, fetchedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            insertCompany = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO company (cik, name, tickers, exchanges, formerNames, source, updatedAt)
                VALUES (?, ?, '[]', '[]', '[]', ?, ?)
                """)
            insertName = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO companyName (cik, name, normalized, kind) VALUES (?, ?, ?, 'current')
                """)
            let stamp = String.fromDatabaseValue(fetchedAt.databaseValue) ?? ""
            try bindConstant(insertFiling, 7, source)
            try bindConstant(insertFiling, 8, stamp)
            try bindConstant(insertCompany, 3, source)
            try bindConstant(insertCompany, 4, String.fromDatabaseValue(Date().databaseValue) ?? stamp)
            url.reserveCapacity(256)
        }

        /// Inserts one row unless its accession is stored. The buffers need only live for the call.
        ///
        /// Names that are not ASCII are decoded as the parser decodes them (UTF-8, else Latin-1).
        /// - Parameters:
        ///   - date: ISO `YYYY-MM-DD`.
        ///   - accession: `NNNNNNNNNN-NN-NNNNNN`.
        func insert(
            cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
            date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
        ) throws {
            let statement = insertFiling.sqliteStatement
            urlTemplate.write(cik: cik, accession: accession, into: &url)
            var decodedName: String?
            try url.withUnsafeBufferPointer { url in
                try check(bindText(statement, 1, accession))
                try check(sqlite3_bind_int64(statement, 2, cik))
                if Self.isASCII(name) {
                    try check(bindText(statement, 3, name))
                } else {
                    let text = ByteText.text(name, 0..<name.count)
                    decodedName = text
                    try check(sqlite3_bind_text(statement, 3, text, -1, SQLITE_TRANSIENT))
                }
                if Self.isASCII(form) {
                    try check(bindText(statement, 4, form))
                } else {
                    try check(sqlite3_bind_text(statement, 4, ByteText.plain(form, 0..<form.count), -1, SQLITE_TRANSIENT))
                }
                try check(bindText(statement, 5, date))
                try check(bindText(statement, 6, url))
                try step(statement)
            }
            guard db.changesCount > 0 else { return }
            inserted += 1
            let firstSeen = notedCIKs.insert(cik).inserted
            let isWatched = watched.contains(cik)
            guard firstSeen || isWatched else { return }
            let companyName = decodedName ?? ByteText.plain(name, 0..<name.count)
            if firstSeen { try noteCompany(cik: cik, name: companyName) }
            if isWatched {
                watchedFilings.append(filing(cik: cik, name: companyName, form: form, date: date, accession: accession))
            }
        }

        /// Adds the company unless it is known, with its current name for lookups.
        private func noteCompany(cik: Int64, name: String) throws {
            let company = insertCompany.sqliteStatement
            try check(sqlite3_bind_int64(company, 1, cik))
            try check(sqlite3_bind_text(company, 2, name, -1, SQLITE_TRANSIENT))
            try step(company)
            guard db.changesCount > 0 else { return }
            let normalized = CompanyName.normalize(name)
            guard !normalized.isEmpty else { return }
            let names = insertName.sqliteStatement
            try check(sqlite3_bind_int64(names, 1, cik))
            try check(sqlite3_bind_text(names, 2, name, -1, SQLITE_TRANSIENT))
            try check(sqlite3_bind_text(names, 3, normalized, -1, SQLITE_TRANSIENT))
            try step(names)
        }

        private func filing(
            cik: Int64, name: String, form: UnsafeBufferPointer<UInt8>, date: UnsafeBufferPointer<UInt8>,
            accession: UnsafeBufferPointer<UInt8>
        ) -> Filing {
            Filing(
                accession: ByteText.plain(accession, 0..<accession.count), cik: cik, companyName: name,
                form: ByteText.plain(form, 0..<form.count), filingDate: ByteText.plain(date, 0..<date.count),
                url: String(decoding: url, as: UTF8.self), source: source, fetchedAt: fetchedAt)
        }

        private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var any: UInt8 = 0
            for byte in bytes { any |= byte }
            return any < 0x80
        }

        private func bindConstant(_ statement: Statement, _ index: Int32, _ text: String) throws {
            try check(sqlite3_bind_text(statement.sqliteStatement, index, text, -1, SQLITE_TRANSIENT))
        }

        private func bindText(_ statement: SQLiteStatement, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // SQLITE_STATIC: the bytes outlive the step that reads them.
                sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), nil)
            }
        }

        private func step(_ statement: SQLiteStatement) throws {
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else { throw failure(code) }
        }

        private func check(_ code: Int32) throws {
            guard code == SQLITE_OK else { throw failure(code) }
        }

        private func failure(_ code: Int32) -> DatabaseError {
            let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }
}

/// SQLite copies a string bound with this destructor (the C macro `SQLITE_TRANSIENT` is not imported into Swift).
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
