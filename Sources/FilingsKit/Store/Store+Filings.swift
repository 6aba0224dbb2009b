import Foundation
import GRDB

extension Store {
    /// Stores filings read from an index; rows already stored are left as they are. Returns the new ones.
    @discardableResult
    public func insertNewFilings(_ filings: [Filing]) throws -> [Filing] {
        try writer.write { db in try Store.insertNewFilings(filings, db) }
    }

    static func insertNewFilings(_ filings: [Filing], _ db: Database) throws -> [Filing] {
        var inserted: [Filing] = []
        for filing in filings {
            try filing.insert(db, onConflict: .ignore)
            if db.changesCount > 0 {
                inserted.append(filing)
                try noteCompany(cik: filing.cik, name: filing.companyName, source: filing.source, db)
            }
        }
        return inserted
    }

    /// Stores filings read from a submissions JSON, filling in item codes and acceptance times. Returns the rows added or changed.
    ///
    /// Those rows are marked as awaiting their events, `historical` or not, until `raise(_:settling:)` clears the mark.
    @discardableResult
    public func upsertSubmissionFilings(_ filings: [Filing], historical: Bool) throws -> [Filing] {
        try writer.write { db in
            var changed: [Filing] = []
            for filing in filings {
                if var existing = try Filing.fetchOne(db, key: filing.accession) {
                    let before = existing
                    existing.items = filing.items ?? existing.items
                    existing.acceptedAt = filing.acceptedAt ?? existing.acceptedAt
                    existing.primaryDocument = filing.primaryDocument ?? existing.primaryDocument
                    existing.form = filing.form
                    if existing != before {
                        try existing.update(db)
                        changed.append(existing)
                    }
                } else {
                    try filing.insert(db)
                    changed.append(filing)
                }
            }
            try Store.setAwaitingEvents(changed.map(\.accession), historical ? "history" : "new", db)
            return changed
        }
    }

    /// The company's filings whose item codes were stored by a run that stopped before raising their
    /// events, with whether those events are history.
    public func filingsAwaitingEvents(cik: Int64) throws -> [(filing: Filing, historical: Bool)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM filing WHERE cik = ? AND awaitingEvents IS NOT NULL ORDER BY filingDate", arguments: [cik])
                .map { (try Filing(row: $0), ($0["awaitingEvents"] as String?) == "history") }
        }
    }

    /// Marks filings as awaiting their events (`new` or `history`), or clears the mark (nil).
    static func setAwaitingEvents(_ accessions: [String], _ awaiting: String?, _ db: Database) throws {
        for accession in accessions {
            try db.execute(sql: "UPDATE filing SET awaitingEvents = ? WHERE accession = ?", arguments: [awaiting, accession])
        }
    }

    /// Filings of one company, newest first, optionally within a window of ISO dates.
    public func filings(cik: Int64, since: String? = nil, until: String? = nil, currentReportsOnly: Bool = false) throws -> [Filing] {
        try writer.read { db in
            var request = Filing.filter(Column("cik") == cik)
            if let since { request = request.filter(Column("filingDate") >= since) }
            if let until { request = request.filter(Column("filingDate") <= until) }
            if currentReportsOnly { request = request.filter(["8-K", "8-K/A"].contains(Column("form"))) }
            return try request.order(Column("filingDate").desc, Column("accession").desc).fetchAll(db)
        }
    }

    /// All stored filings in a window, newest first, for `filings records`.
    public func filings(since: String?, until: String?, limit: Int) throws -> [Filing] {
        try writer.read { db in
            var request = Filing.all()
            if let since { request = request.filter(Column("filingDate") >= since) }
            if let until { request = request.filter(Column("filingDate") <= until) }
            return try request.order(Column("filingDate").desc, Column("accession").desc).limit(limit).fetchAll(db)
        }
    }

    /// Watched companies' 8-Ks whose item codes are still unknown (the submissions JSON lags the index by hours).
    ///
    /// CROSS JOIN keeps the watch list as the outer loop: left to itself SQLite walks every filing by date.
    public func currentReportsAwaitingItems() throws -> [Filing] {
        try writer.read { db in
            try Filing.fetchAll(
                db,
                sql: """
                    SELECT filing.* FROM watch CROSS JOIN filing ON filing.cik = watch.cik
                    WHERE filing.items IS NULL AND filing.form IN ('8-K', '8-K/A')
                    ORDER BY filing.filingDate
                    """)
        }
    }

    /// How many filings are stored.
    public func filingCount() throws -> Int {
        try writer.read { db in try Filing.fetchCount(db) }
    }
}

extension Store {
    /// Stores one index file's filings and its ledger entry in one transaction: a crash leaves neither or both.
    @discardableResult
    public func storeIndexUnit(_ filings: [Filing], ledger entry: LedgerEntry) throws -> [Filing] {
        try writer.write { db in
            let inserted = try Store.insertNewFilings(filings, db)
            try entry.save(db)
            return inserted
        }
    }
}
