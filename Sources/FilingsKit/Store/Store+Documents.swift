import FilingsModel
import Foundation
import GRDB

extension FilingDocument: FetchableRecord, PersistableRecord, TimestampedRecord {
    public static let databaseTableName = "filingDocument"
}

extension Store {
    /// True when the filing was read already: it is never fetched twice.
    public func hasRead(accession: String) throws -> Bool {
        try writer.read { db in try FilingDocument.exists(db, key: accession) }
    }

    /// The text kept from a read filing.
    public func document(accession: String) throws -> FilingDocument? {
        try writer.read { db in try FilingDocument.fetchOne(db, key: accession) }
    }

    /// Stores what reading a filing found and puts its events in place of the ones its item codes raised.
    ///
    /// In one transaction: the replaced events go, the read ones come in carrying the replaced events' delivery
    /// and history marks (a user told once is not told again), and the document is kept. Returns the events inserted.
    @discardableResult
    public func storeReading(_ document: FilingDocument, events: [Event], replacing keys: [String]) throws -> [Event] {
        try writer.write { db in
            let inserted = try Store.raise(events, replacing: keys, db)
            try document.save(db)
            return inserted
        }
    }

    /// The 8-K events stored for the filing `accession`, whichever filer they were raised for, oldest first.
    public func currentReportEvents(accession: String) throws -> [Event] {
        try writer.read { db in
            try Event.filter(Column("source") == Source.sec8k.rawValue && Column("sourceRef") == accession).order(Column("id")).fetchAll(db)
        }
    }

    /// Stores `events` in place of the events with `keys`, in one transaction. Returns the events inserted.
    @discardableResult
    public func raise(_ events: [Event], replacing keys: [String]) throws -> [Event] {
        try writer.write { db in try Store.raise(events, replacing: keys, db) }
    }

    /// Stores `events` in place of the events with `keys`, which go; the new ones carry their delivery and
    /// history marks (a user told once is not told again). Returns the events inserted.
    static func raise(_ events: [Event], replacing keys: [String], _ db: Database) throws -> [Event] {
        let replaced = try Event.filter(keys.contains(Column("key"))).fetchAll(db)
        var carried = events
        if !replaced.isEmpty {
            let delivered = replaced.compactMap(\.deliveredAt).max()
            let historical = replaced.allSatisfy(\.historical)
            for index in carried.indices {
                carried[index].deliveredAt = carried[index].deliveredAt ?? delivered
                carried[index].historical = historical
            }
            _ = try Event.filter(keys.contains(Column("key"))).deleteAll(db)
        }
        return try Store.raise(carried, db)
    }
}

extension Store {
    /// A company's 8-Ks filed since `since` with an item worth reading that have not been read (an earlier read failed).
    public func filingsAwaitingReading(cik: Int64, since: String) throws -> [Filing] {
        try writer.read { db in
            try Filing.fetchAll(
                db,
                sql: """
                    SELECT \(Store.filingColumns) FROM filing \(Store.filingSourceJoin)
                    WHERE filing.cik = ? AND filing.filingDate >= ? AND filing.form IN ('8-K', '8-K/A') AND filing.items IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM filingDocument WHERE filingDocument.accession = filing.accession)
                    """, arguments: [cik, since])
        }.filter(\.needsReading)
    }
}
