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

    /// Writes index rows into `filing` at bulk speed, inside a write transaction its caller holds.
    ///
    /// Same effect as `insertNewFilings`: rows already stored are left as they are, and each filer of
    /// an 8-K not yet known is noted as a company with its current name. Rows go to SQLite
    /// `rowsPerStatement` at a time in one prepared multi-row INSERT, their bytes copied once from
    /// the index into a reused buffer: a statement per row cost more than the insert itself. Rows of
    /// watched companies go one at a time, as their events need to know which were new.
    final class BulkFilingWriter {
        /// Rows per INSERT: 64 rows of 5 values stay far below SQLite's limit on bound values.
        static let rowsPerStatement = 64

        /// One row waiting for the next INSERT: its CIK and where its text lies in `pendingBytes`.
        private struct PendingRow {
            var cik: Int64
            var accession: Range<Int>
            var date: Range<Int>
            var form: Range<Int>
            var name: Range<Int>
        }

        private let db: Database
        private let sourceID: Int64
        /// INSERT statements by their number of rows: `rowsPerStatement`, 1, and the last batch's.
        private var insertStatements: [Int: Statement] = [:]
        private let insertCompany: Statement
        private let insertName: Statement
        private let urlTemplate: BackfillURLTemplate
        private let source: String
        private let fetchedAt: Date
        private let watched: Set<Int64>
        private var pending: [PendingRow] = []
        private var pendingBytes: [UInt8] = []
        /// CIKs noted in this run: their company row exists, so it is not looked up again.
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
            var sources = FilingSources()
            // Rows store no URL: this source's template gives it back (`Store.filingColumns`).
            sourceID = try sources.id(source: source, fetchedAt: fetchedAt, urlTemplate: urlTemplate.pattern, db)
            insertCompany = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO company (cik, name, tickers, exchanges, formerNames, source, updatedAt)
                VALUES (?, ?, '[]', '[]', '[]', ?, ?)
                """)
            insertName = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO companyName (cik, name, normalized, kind) VALUES (?, ?, ?, 'current')
                """)
            try bindConstant(insertCompany, 3, source)
            try bindConstant(insertCompany, 4, String.fromDatabaseValue(Date().databaseValue) ?? "")
            pending.reserveCapacity(Self.rowsPerStatement)
            pendingBytes.reserveCapacity(Self.rowsPerStatement * 128)
            url.reserveCapacity(256)
        }

        /// Queues one row, stored unless its filer already has that accession. The buffers need only live for the call.
        ///
        /// Names that are not ASCII are decoded as the parser decodes them (UTF-8, else Latin-1).
        /// - Parameters:
        ///   - date: ISO `YYYY-MM-DD`.
        ///   - accession: `NNNNNNNNNN-NN-NNNNNN`.
        func insert(
            cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
            date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
        ) throws {
            let decodedName = Self.isASCII(name) ? nil : ByteText.text(name, 0..<name.count)
            // A watched row goes alone, after the rows queued before it, so the change count says whether it was new.
            let isWatched = watched.contains(cik)
            if isWatched { try flush() }
            pending.append(PendingRow(
                cik: cik, accession: append(accession), date: append(date),
                form: Self.isASCII(form) ? append(form) : append(ByteText.plain(form, 0..<form.count)),
                name: decodedName.map(append) ?? append(name)))
            if isWatched, try flush() > 0 {
                urlTemplate.write(cik: cik, accession: accession, into: &url)
                let companyName = decodedName ?? ByteText.plain(name, 0..<name.count)
                watchedFilings.append(filing(cik: cik, name: companyName, form: form, date: date, accession: accession))
            } else if pending.count == Self.rowsPerStatement {
                try flush()
            }
            if Self.isCurrentReport(form), notedCIKs.insert(cik).inserted {
                try noteCompany(cik: cik, name: decodedName ?? ByteText.plain(name, 0..<name.count))
            }
        }

        /// Stores the rows still queued; the load calls it once, after the last row.
        func finish() throws {
            try flush()
        }

        /// Inserts the queued rows in one statement and returns how many were new.
        @discardableResult
        private func flush() throws -> Int {
            guard !pending.isEmpty else { return 0 }
            let statement = try insertStatement(rows: pending.count).sqliteStatement
            try pendingBytes.withUnsafeBufferPointer { bytes in
                for (index, row) in pending.enumerated() {
                    let first = Int32(index * 5)
                    try check(sqlite3_bind_int64(statement, first + 1, row.cik))
                    try check(bindText(statement, first + 2, UnsafeBufferPointer(rebasing: bytes[row.accession])))
                    try check(bindText(statement, first + 3, UnsafeBufferPointer(rebasing: bytes[row.date])))
                    try check(bindText(statement, first + 4, UnsafeBufferPointer(rebasing: bytes[row.form])))
                    try check(bindText(statement, first + 5, UnsafeBufferPointer(rebasing: bytes[row.name])))
                }
                try step(statement)
            }
            let new = db.changesCount
            inserted += new
            pending.removeAll(keepingCapacity: true)
            pendingBytes.removeAll(keepingCapacity: true)
            return new
        }

        /// The INSERT of `rows` rows, prepared on first use.
        private func insertStatement(rows: Int) throws -> Statement {
            if let statement = insertStatements[rows] { return statement }
            let values = Array(repeating: "(?, ?, ?, ?, ?, \(sourceID))", count: rows).joined(separator: ", ")
            let statement = try db.makeStatement(
                sql: "INSERT OR IGNORE INTO filing (cik, accession, filingDate, form, companyName, sourceID) VALUES \(values)")
            insertStatements[rows] = statement
            return statement
        }

        /// Copies bytes to the end of `pendingBytes` and returns where they lie.
        private func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
            let start = pendingBytes.count
            pendingBytes.append(contentsOf: bytes)
            return start..<pendingBytes.count
        }

        private func append(_ text: String) -> Range<Int> {
            let start = pendingBytes.count
            pendingBytes.append(contentsOf: text.utf8)
            return start..<pendingBytes.count
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

        private static func isCurrentReport(_ form: UnsafeBufferPointer<UInt8>) -> Bool {
            ByteText.equals(form, 0..<form.count, "8-K") || ByteText.equals(form, 0..<form.count, "8-K/A")
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
