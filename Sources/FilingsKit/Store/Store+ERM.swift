import FilingsModel
import Foundation
import GRDB

extension ERMEvent: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ermEvent"
}

extension Store {
    /// Stores an ERM export's events (new ids added, changed ones updated) and its ledger entry in one transaction.
    /// Returns the events added or changed.
    public func storeERMExport(_ events: [ERMEvent], sourceURL: String, ledger entry: LedgerEntry, now: Date) throws -> [ERMEvent] {
        try writer.write { db in
            var changed: [ERMEvent] = []
            for event in events {
                if let existing = try ERMEvent.fetchOne(db, key: event.id) {
                    guard existing != event else { continue }
                    try event.update(db)
                } else {
                    try event.insert(db)
                    try db.execute(
                        sql: "UPDATE ermEvent SET normalizedCompany = ?, sourceURL = ?, firstSeenAt = ? WHERE id = ?",
                        arguments: [CompanyName.normalize(event.company), sourceURL, DatabaseTimestamp.text(now), event.id])
                }
                changed.append(event)
            }
            try entry.save(db)
            return changed
        }
    }

    /// ERM events announced in a window (all when nil), newest first.
    public func ermEvents(since: String? = nil, until: String? = nil) throws -> [ERMEvent] {
        try writer.read { db in
            var request = ERMEvent.all()
            if let since { request = request.filter(Column("announcementDate") >= since) }
            if let until { request = request.filter(Column("announcementDate") <= until) }
            return try request.order(Column("announcementDate").desc).fetchAll(db)
        }
    }
}
