import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the bulk writers' hot loops: bytes are
/// bound where they lie, and a step costs what SQLite's own does. Failures are still GRDB's `DatabaseError`.
struct RawStatement {
    /// GRDB's statement, kept for its life: it finalizes the SQLite statement when released.
    private let statement: Statement
    private let db: Database

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// Binds `bytes` as text without copying them: they must stay where they are until the next `run`.
    func bind(_ index: Int32, bytes: UnsafeBufferPointer<UInt8>) throws {
        let code = bytes.withMemoryRebound(to: CChar.self) { chars in
            // A null destructor is SQLITE_STATIC: SQLite reads the bytes in place.
            sqlite3_bind_text(statement.sqliteStatement, index, chars.baseAddress, Int32(chars.count), nil)
        }
        try check(code)
    }

    /// Binds a copy of `text`.
    func bind(_ index: Int32, copying text: String) throws {
        try check(sqlite3_bind_text(statement.sqliteStatement, index, text, -1, SQLITE_TRANSIENT))
    }

    func bind(_ index: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    /// Runs the statement to its end and resets it, handing `row` each row it returns (a query's).
    func run(_ row: (SQLiteStatement) -> Void = { _ in }) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW: row(handle)
            case SQLITE_DONE: return
            default: throw failure(code)
            }
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw failure(code) }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
    }
}

/// A multi-row statement prepared once per row count: a batch of `n` rows, and the shorter last one.
struct RawStatementsByRows {
    private let db: Database
    private let sql: (Int) -> String
    private var prepared: [Int: RawStatement] = [:]

    /// Statements on `db` whose SQL for `n` rows is `sql(n)`.
    init(_ db: Database, sql: @escaping (Int) -> String) {
        self.db = db
        self.sql = sql
    }

    /// The statement for `rows` rows, prepared on first use.
    mutating func statement(rows: Int) throws -> RawStatement {
        if let statement = prepared[rows] { return statement }
        let statement = try RawStatement(db, sql: sql(rows))
        prepared[rows] = statement
        return statement
    }
}

/// SQLite copies a string bound with this destructor (the C macro `SQLITE_TRANSIENT` is not imported into Swift).
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
