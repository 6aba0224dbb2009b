import Foundation
import GRDB

extension WarnNotice: FetchableRecord, PersistableRecord {}

/// What storing one WARN report changed.
public struct WarnStoreOutcome: Sendable, Equatable {
    /// Rows not seen before.
    public var inserted: [WarnNotice] = []
    /// Rows whose counts or wording changed in a later edition of the report.
    public var amended: [WarnNotice] = []
}

extension Store {
    /// Stores a report's rows and its ledger entry in one transaction: new rows are added, changed rows updated and
    /// flagged as amended (keeping the previous count), rows that vanished from the source are kept.
    public func storeWarnReport(_ notices: [WarnNotice], sourceURL: String, ledger entry: LedgerEntry, now: Date) throws -> WarnStoreOutcome {
        try writer.write { db in
            var outcome = WarnStoreOutcome()
            for notice in notices {
                if let existing = try WarnNotice.fetchOne(db, key: notice.key) {
                    guard existing.employees != notice.employees || existing.layoffOrClosure != notice.layoffOrClosure else { continue }
                    try notice.update(db)
                    try db.execute(
                        sql: "UPDATE warnNotice SET amendedAt = ?, previousEmployees = ?, sourceURL = ? WHERE key = ?",
                        arguments: [now, existing.employees, sourceURL, notice.key])
                    outcome.amended.append(notice)
                } else {
                    try notice.insert(db)
                    try db.execute(
                        sql: "UPDATE warnNotice SET normalizedCompany = ?, sourceURL = ?, firstSeenAt = ? WHERE key = ?",
                        arguments: [CompanyName.normalize(notice.company), sourceURL, now, notice.key])
                    outcome.inserted.append(notice)
                }
            }
            try entry.save(db)
            return outcome
        }
    }

    /// WARN rows whose notice date falls in a window (all when nil), newest first.
    public func warnNotices(since: String? = nil, until: String? = nil) throws -> [WarnNotice] {
        try writer.read { db in
            var request = WarnNotice.all()
            if let since { request = request.filter(Column("noticeDate") >= since) }
            if let until { request = request.filter(Column("noticeDate") <= until) }
            return try request.order(Column("noticeDate").desc).fetchAll(db)
        }
    }

    /// Every WARN row whose normalized company contains `word` (a cheap prefilter before precise matching).
    public func warnNotices(companyContaining word: String) throws -> [WarnNotice] {
        try writer.read { db in
            try WarnNotice.filter(Column("normalizedCompany").like("%\(word)%")).fetchAll(db)
        }
    }

    /// The report each stored WARN row was last read from, by row key.
    public func warnReportURLs(keys: [String]) throws -> [String: String] {
        try writer.read { db in
            var urls: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, sourceURL FROM warnNotice WHERE key IN (SELECT value FROM json_each(?))", arguments: [String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)]) {
                if let url: String = row["sourceURL"] { urls[row["key"]] = url }
            }
            return urls
        }
    }
}
