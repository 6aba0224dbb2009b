import FilingsModel
import Foundation
import GRDB

extension Store {
    static let followPositionKey = "follow-position"

    /// Where `filings follow` stopped reading EDGAR's latest-filings feed; nil before its first batch.
    public func followPosition() throws -> FollowPosition? {
        guard let text = try setting(Store.followPositionKey) else { return nil }
        return try? JSONDecoder().decode(FollowPosition.self, from: Data(text.utf8))
    }

    /// Stores where `filings follow` stopped, for its next batch or its next start.
    public func saveFollowPosition(_ position: FollowPosition) throws {
        try setSetting(Store.followPositionKey, String(decoding: try JSONEncoder().encode(position), as: UTF8.self))
    }

    /// The highest event id so far (0 when none): events raised after this point have higher ids.
    public func lastEventID() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0 }
    }

    /// Undelivered, non-historical events raised after `afterID` or listed in `ids`, newest first.
    public func pendingEvents(afterID: Int64, or ids: Set<Int64> = []) throws -> [Event] {
        try writer.read { db in
            try Event.filter(Column("deliveredAt") == nil && Column("historical") == false && (Column("id") > afterID || ids.contains(Column("id"))))
                .order(Column("date").desc, Column("id").desc).fetchAll(db)
        }
    }
}
