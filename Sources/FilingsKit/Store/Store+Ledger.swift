import FilingsModel
import Foundation
import GRDB

extension Store {
    /// Records the outcome of fetching one unit of a feed, replacing the previous outcome.
    public func record(_ entry: LedgerEntry) throws {
        try writer.write { db in try entry.save(db) }
    }

    /// Forgets the outcome of one unit: a failed ERM range that a later, wider read has stored.
    public func forget(feed: String, unit: LedgerUnit) throws {
        _ = try writer.write { db in try LedgerEntry.deleteOne(db, key: ["feed": feed, "unit": unit.stored]) }
    }

    /// Every ledger entry of a feed, by unit.
    public func ledger(feed: String) throws -> [LedgerEntry] {
        try writer.read { db in try LedgerEntry.filter(Column("feed") == feed).order(Column("unit")).fetchAll(db) }
    }

    /// The ledger entry of one unit, if it was ever fetched.
    public func ledgerEntry(feed: String, unit: LedgerUnit) throws -> LedgerEntry? {
        try writer.read { db in try LedgerEntry.fetchOne(db, key: ["feed": feed, "unit": unit.stored]) }
    }

    /// A stored setting, such as the end of an SEC ban.
    public func setting(_ key: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    /// Stores a setting.
    public func setSetting(_ key: String, _ value: String) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
