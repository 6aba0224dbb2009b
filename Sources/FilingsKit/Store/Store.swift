import Foundation
import GRDB

/// The one SQLite file that holds everything `filings` knows: it wraps the database queue and owns the migrations.
///
/// One connection, in WAL mode: a command does one thing at a time, and other processes (the
/// nightly sync, a lookup from a shell) read while it writes. A pool's second, reading connection
/// cost every command its opening and a second reading of the schema.
public final class Store: Sendable {
    /// The GRDB writer; every read and write goes through it.
    public let writer: DatabaseQueue
    public let path: String

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    ///
    /// `upgrading` hears, before it starts, of an upgrade that rewrites stored filings: on a
    /// backfilled database that takes minutes (two for ten million filings), which should not pass in silence.
    public init(path: String, upgrading: ((String) -> Void)? = nil) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal  // a queue would otherwise keep SQLite's rollback journal
        configuration.prepareDatabase { db in
            // 16 KiB pages for a new file (a no-op on an existing one): a quarter of every form loads
            // in about 20% less time than with SQLite's 4 KiB (fewer pages to split, write and checkpoint).
            try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA synchronous = NORMAL")
        }
        do {
            writer = try DatabaseQueue(path: path, configuration: configuration)
            if let upgrading, let filings = try Store.filingsToRewrite(writer) {
                upgrading("upgrading \(path): storing \(filings) filings once per filer; this takes about a minute per 5 million filings")
            }
            try Store.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        }
        self.path = path
    }

    /// How many filings the pending migrations will rewrite, when they will rewrite any (v8 copies the table).
    private static func filingsToRewrite(_ writer: DatabaseQueue) throws -> Int? {
        try writer.read { db in
            guard try db.tableExists("filing"), try !migrator.appliedIdentifiers(db).contains("v8-filing-per-filer") else { return nil }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM filing") ?? 0
            return count > 0 ? count : nil
        }
    }

    /// The default location: `$XDG_DATA_HOME/filings/filings.sqlite`, else `~/.local/share/filings/filings.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return xdg + "/filings/filings.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/filings/filings.sqlite"
    }
}

/// Why the store could not be used.
public enum StoreError: LocalizedError, Equatable {
    case cannotOpen(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the database at \(path): \(reason). Check the path given with --db or FILINGS_DB."
        }
    }
}
