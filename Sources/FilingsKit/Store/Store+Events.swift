import FilingsModel
import Foundation
import GRDB

/// Which stored events to list.
public struct EventQuery: Sendable, Equatable {
    public var cik: Int64?
    public var since: String?
    public var until: String?
    public var kinds: [EventKind]
    public var includeHistorical: Bool
    public var limit: Int

    public init(cik: Int64? = nil, since: String? = nil, until: String? = nil, kinds: [EventKind] = [], includeHistorical: Bool = true, limit: Int = 10_000) {
        self.cik = cik
        self.since = since
        self.until = until
        self.kinds = kinds
        self.includeHistorical = includeHistorical
        self.limit = limit
    }
}

extension Store {
    /// Inserts events whose key is new; an event already raised is never raised again. Returns the inserted ones.
    @discardableResult
    public func raise(_ events: [Event]) throws -> [Event] {
        try writer.write { db in try Store.raise(events, db) }
    }

    /// Stores new events, and in the same transaction marks `settled` filings as no longer awaiting theirs.
    public func raise(_ events: [Event], settling settled: [Filing]) throws -> [Event] {
        try writer.write { db in
            let inserted = try Store.raise(events, db)
            try Store.setAwaitingEvents(settled, nil, db)
            return inserted
        }
    }

    static func raise(_ events: [Event], _ db: Database) throws -> [Event] {
        var inserted: [Event] = []
        for var event in events {
            try event.insert(db, onConflict: .ignore)
            if db.changesCount > 0 {
                inserted.append(event)
            }
        }
        return inserted
    }

    /// Stored events matching `query`, newest first.
    public func events(_ query: EventQuery) throws -> [Event] {
        try writer.read { db in
            var request = Event.all()
            if let cik = query.cik { request = request.filter(Column("cik") == cik) }
            if let since = query.since { request = request.filter(Column("date") >= since) }
            if let until = query.until { request = request.filter(Column("date") <= until) }
            if !query.kinds.isEmpty { request = request.filter(query.kinds.map(\.rawValue).contains(Column("kind"))) }
            if !query.includeHistorical { request = request.filter(Column("historical") == false) }
            return try request.order(Column("date").desc, Column("id").desc).limit(query.limit).fetchAll(db)
        }
    }

    /// Events not yet delivered by a digest, historical ones excluded.
    public func pendingEvents() throws -> [Event] {
        try writer.read { db in
            try Event.filter(Column("deliveredAt") == nil && Column("historical") == false)
                .order(Column("date").desc, Column("id").desc).fetchAll(db)
        }
    }

    /// Marks events delivered so the next digest leaves them out.
    public func markDelivered(ids: [Int64], at date: Date) throws {
        try writer.write { db in
            _ = try Event.filter(ids.contains(Column("id"))).updateAll(db, Column("deliveredAt").set(to: DatabaseTimestamp.text(date)))
        }
    }
}

extension Store {
    /// Raises new events and amends existing ones whose count or summary changed (flagged, and sent again by the next digest).
    /// Returns how many were raised and how many amended.
    public func raiseOrAmend(_ events: [Event], now: Date) throws -> (raised: Int, amended: Int) {
        try writer.write { db in
            var raised = 0
            var amended = 0
            for var event in events {
                if var existing = try Event.filter(Column("key") == event.key).fetchOne(db) {
                    guard existing.employees != event.employees || existing.summary != event.summary else { continue }
                    existing.employees = event.employees
                    existing.summary = event.summary
                    existing.quote = event.quote ?? existing.quote
                    existing.amendedAt = now
                    existing.deliveredAt = nil
                    try existing.update(db)
                    amended += 1
                } else {
                    try event.insert(db)
                    raised += 1
                }
            }
            return (raised, amended)
        }
    }
}
