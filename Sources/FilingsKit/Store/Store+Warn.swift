import FilingsModel
import Foundation
import GRDB

extension WarnNotice: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "warnNotice"
}

/// What storing one WARN report changed.
public struct WarnStoreOutcome: Sendable, Equatable {
    /// Rows not seen before.
    public var inserted: [WarnNotice] = []
    /// Rows whose counts or wording changed in a later edition of the report.
    public var amended: [WarnNotice] = []
    /// Rows stored from an earlier edition under another key (a workbook republished as a PDF, a
    /// revised received date), updated in place; those whose count changed are also in `amended`.
    public var republished = 0
}

extension Store {
    /// Stores a report's rows and its ledger entry in one transaction: new rows are added, changed rows updated and
    /// flagged as amended (keeping the previous count), rows that vanished from the source are kept.
    ///
    /// A row stored from an earlier edition under another key (see `earlierEdition`) is updated in
    /// place: EDD's next edition may name the site by its city instead of its address, or revise the
    /// count with a new received date; either way it is the same site of the same letter.
    public func storeWarnReport(_ notices: [WarnNotice], sourceURL: String, ledger entry: LedgerEntry, now: Date) throws -> WarnStoreOutcome {
        try writer.write { db in
            var outcome = WarnStoreOutcome()
            // Stored rows this report speaks for, by key or as an earlier edition: none is matched twice.
            var spokenFor = Set(notices.map(\.key))
            for notice in notices {
                var stored = notice
                // Cached statements: a state's first load stores thousands of rows, and compiling these lookups
                // afresh for each was half of its CPU (bench/run --states).
                if let existing = try WarnNotice.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM warnNotice WHERE key = ?"), arguments: [notice.key]) {
                    guard Store.isAmended(existing, by: notice) else { continue }
                    try Store.amend(existing, to: stored, sourceURL: sourceURL, now: now, db)
                    outcome.amended.append(stored)
                } else if let earlier = try Store.earlierEdition(of: notice, excluding: spokenFor, db) {
                    spokenFor.insert(earlier.key)
                    outcome.republished += 1
                    stored.key = earlier.key
                    stored.address = notice.address ?? earlier.address
                    stored.city = notice.city ?? earlier.city
                    stored.county = notice.county ?? earlier.county
                    stored.industry = notice.industry ?? earlier.industry
                    if Store.isAmended(earlier, by: stored) {
                        try Store.amend(earlier, to: stored, sourceURL: sourceURL, now: now, db)
                        outcome.amended.append(stored)
                    } else if stored != earlier {
                        try stored.update(db)  // a new received date or a fuller site: no news
                    }
                } else {
                    try notice.insert(db)
                    try db.cachedStatement(sql: "UPDATE warnNotice SET normalizedCompany = ?, sourceURL = ?, firstSeenAt = ? WHERE key = ?")
                        .execute(arguments: [CompanyName.normalize(notice.company), sourceURL, DatabaseTimestamp.text(now), notice.key])
                    outcome.inserted.append(notice)
                }
            }
            try entry.save(db)
            return outcome
        }
    }

    /// True when a later edition changes what a reader is told: the count or the wording.
    private static func isAmended(_ existing: WarnNotice, by notice: WarnNotice) -> Bool {
        existing.employees != notice.employees || existing.layoffOrClosure != notice.layoffOrClosure
    }

    /// Writes `notice` over `existing` (same key), flagged as amended with the previous count.
    private static func amend(_ existing: WarnNotice, to notice: WarnNotice, sourceURL: String, now: Date, _ db: Database) throws {
        try notice.update(db)
        try db.cachedStatement(sql: "UPDATE warnNotice SET amendedAt = ?, previousEmployees = ?, sourceURL = ? WHERE key = ?")
            .execute(arguments: [DatabaseTimestamp.text(now), existing.employees, sourceURL, notice.key])
    }

    /// The stored row, under another key, that an earlier edition of EDD's report gave for this site.
    ///
    /// Same company, notice date and effective date (the letter), and the same place: the city, else
    /// the county. EDD updates the received date when it processes a revision, and names the site by
    /// its street address in workbooks but by its city in PDFs, so neither may tell rows apart. When a
    /// letter lists several sites in one city, the row with the same count is taken first.
    static func earlierEdition(of notice: WarnNotice, excluding taken: Set<String>, _ db: Database) throws -> WarnNotice? {
        // `IS` matches a missing date to a missing date, as the query interface's `== nil` did.
        let statement = try db.cachedStatement(sql: """
            SELECT * FROM warnNotice WHERE source = ? AND normalizedCompany = ? AND noticeDate IS ? AND effectiveDate IS ?
            ORDER BY sourceRow
            """)
        let candidates = try WarnNotice.fetchAll(
            statement, arguments: [notice.source.rawValue, CompanyName.normalize(notice.company), notice.noticeDate, notice.effectiveDate]
        ).filter { !taken.contains($0.key) && sameSite($0, notice) }
        return candidates.first { $0.employees == notice.employees } ?? candidates.first
    }

    /// The same city, else (when either lacks one) the same county; nothing in common is not the same site.
    private static func sameSite(_ a: WarnNotice, _ b: WarnNotice) -> Bool {
        func place(_ text: String?) -> String? {
            text.map { WarnText.collapse($0).lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let first = place(a.city), let second = place(b.city) { return first == second }
        if let first = place(a.county), let second = place(b.county) { return first == second }
        return false
    }

    /// WARN rows whose notice date falls in a window (all when nil), of one state's source or all, newest first.
    public func warnNotices(since: String? = nil, until: String? = nil, source: Source? = nil) throws -> [WarnNotice] {
        try writer.read { db in
            var request = WarnNotice.all()
            if let source { request = request.filter(Column("source") == source.rawValue) }
            if let since { request = request.filter(Column("noticeDate") >= since) }
            if let until { request = request.filter(Column("noticeDate") <= until) }
            return try request.order(Column("noticeDate").desc).fetchAll(db)
        }
    }

    /// Every WARN row of the companies named (normalized as `CompanyName.normalize`), through the index on the column.
    public func warnNotices(normalizedCompanies names: Set<String>) throws -> [WarnNotice] {
        let names = Array(names)
        return try writer.read { db in
            var notices: [WarnNotice] = []
            for start in stride(from: 0, to: names.count, by: 500) {
                let chunk = names[start..<min(start + 500, names.count)]
                notices += try WarnNotice.filter(chunk.contains(Column("normalizedCompany"))).fetchAll(db)
            }
            return notices
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
