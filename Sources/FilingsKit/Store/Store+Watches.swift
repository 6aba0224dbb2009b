import FilingsModel
import Foundation
import GRDB

extension Store {
    /// Adds or refreshes a watch and its aliases.
    public func saveWatch(_ watch: Watch) throws {
        try writer.write { db in
            try watch.save(db)
            try setAliases(watch.aliases, cik: watch.cik, db)
        }
    }

    /// Removes a watch; its events and filings stay. Returns false when nothing was watched under that CIK.
    @discardableResult
    public func removeWatch(cik: Int64) throws -> Bool {
        try writer.write { db in
            try CompanyNameRow.filter(Column("cik") == cik && Column("kind") == "alias").deleteAll(db)
            try Store.indexNames(cik: cik, db)
            return try Watch.deleteOne(db, key: cik)
        }
    }

    /// Every watch, by name.
    public func watches() throws -> [Watch] {
        try writer.read { db in try Watch.order(Column("name")).fetchAll(db) }
    }

    /// The watch for this CIK, if any.
    public func watch(cik: Int64) throws -> Watch? {
        try writer.read { db in try Watch.fetchOne(db, key: cik) }
    }
}
