import FilingsModel
import Foundation
import GRDB

extension Store {
    /// The columns a `Filing` decodes from, for a query that joins `filing` to its source with `filingSourceJoin`.
    /// A row stored without a URL (a bulk load's) takes its source's template, filled with its CIK and accession.
    static let filingColumns = """
        filing.accession, filing.cik, filing.companyName, filing.form, filing.filingDate, filing.acceptedAt, filing.items,
        filing.primaryDocument,
        coalesce(filing.url, \(FilingURLTemplate.sqlExpansion(pattern: "filingSource.urlTemplate", cik: "filing.cik", accession: "filing.accession"))) AS url,
        filingSource.source, filingSource.fetchedAt
        """
    /// Joins each filing to the load it came from. CROSS JOIN keeps `filing` the outer loop: the sources table has no index by filing.
    static let filingSourceJoin = "CROSS JOIN filingSource ON filingSource.id = filing.sourceID"

    /// Stores filings read from an index; rows already stored are left as they are. Returns the new ones.
    @discardableResult
    public func insertNewFilings(_ filings: [Filing]) throws -> [Filing] {
        try writer.write { db in try Store.insertNewFilings(filings, db) }
    }

    static func insertNewFilings(_ filings: [Filing], _ db: Database) throws -> [Filing] {
        var inserted: [Filing] = []
        var sources = FilingSources()
        for filing in filings where try insert(filing, sourceID: sources.id(of: filing, db), db) {
            inserted.append(filing)
            // Names are learnt from 8-K filers, the companies this tool is asked about: an index of every
            // form also names tens of thousands of insiders and funds, who would only crowd name lookups.
            if filing.isCurrentReport { try noteCompany(cik: filing.cik, name: filing.companyName, source: filing.source, db) }
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
            var sources = FilingSources()
            for filing in filings {
                let stored = try Filing.fetchOne(
                    db, sql: "SELECT \(Store.filingColumns) FROM filing \(Store.filingSourceJoin) WHERE filing.cik = ? AND filing.accession = ?",
                    arguments: [filing.cik, filing.accession])
                guard var existing = stored else {
                    try Store.insert(filing, sourceID: sources.id(of: filing, db), db)
                    changed.append(filing)
                    continue
                }
                let before = existing
                existing.items = filing.items ?? existing.items
                existing.acceptedAt = filing.acceptedAt ?? existing.acceptedAt
                existing.primaryDocument = filing.primaryDocument ?? existing.primaryDocument
                existing.form = filing.form
                guard existing != before else { continue }
                try db.execute(
                    sql: "UPDATE filing SET items = ?, acceptedAt = ?, primaryDocument = ?, form = ? WHERE cik = ? AND accession = ?",
                    arguments: [try Store.itemsJSON(existing.items), existing.acceptedAt, existing.primaryDocument, existing.form, existing.cik, existing.accession])
                changed.append(existing)
            }
            try Store.setAwaitingEvents(changed, historical ? "history" : "new", db)
            return changed
        }
    }

    /// Inserts one filing unless its filer already has it; true when it was new.
    @discardableResult
    static func insert(_ filing: Filing, sourceID: Int64, _ db: Database) throws -> Bool {
        // Cached: a form or company index of every form inserts hundreds of thousands of rows this way.
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO filing (cik, accession, filingDate, form, companyName, sourceID, url, acceptedAt, items, primaryDocument)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                filing.cik, filing.accession, filing.filingDate, filing.form, filing.companyName, sourceID, filing.url,
                filing.acceptedAt, try itemsJSON(filing.items), filing.primaryDocument,
            ])
        return db.changesCount > 0
    }

    /// Item codes as the JSON array a `Filing` decodes.
    static func itemsJSON(_ items: [String]?) throws -> String? {
        try items.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
    }

    /// The company's filings whose item codes were stored by a run that stopped before raising their
    /// events, with whether those events are history.
    public func filingsAwaitingEvents(cik: Int64) throws -> [(filing: Filing, historical: Bool)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Store.filingColumns), filing.awaitingEvents FROM filing \(Store.filingSourceJoin)
                    WHERE filing.cik = ? AND filing.awaitingEvents IS NOT NULL ORDER BY filing.filingDate
                    """, arguments: [cik]
            ).map { (try Filing(row: $0), ($0["awaitingEvents"] as String?) == "history") }
        }
    }

    /// Marks filings as awaiting their events (`new` or `history`), or clears the mark (nil).
    static func setAwaitingEvents(_ filings: [Filing], _ awaiting: String?, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "UPDATE filing SET awaitingEvents = ? WHERE cik = ? AND accession = ?")
        for filing in filings {
            try statement.execute(arguments: [awaiting, filing.cik, filing.accession])
        }
    }

    /// Filings of one company, newest first, optionally within a window of ISO dates.
    public func filings(cik: Int64, since: String? = nil, until: String? = nil, currentReportsOnly: Bool = false) throws -> [Filing] {
        try writer.read { db in
            let sql = Store.filingsQuery(byCIK: true, since: since != nil, until: until != nil, currentReportsOnly: currentReportsOnly)
            let dates: [any DatabaseValueConvertible] = [since, until].compactMap { $0 }
            return try Filing.fetchAll(db, sql: sql, arguments: StatementArguments([cik] + dates))
        }
    }

    /// All stored 8-Ks in a window, newest first, for `filings records`.
    public func currentReports(since: String?, until: String?, limit: Int) throws -> [Filing] {
        try writer.read { db in
            let sql = Store.filingsQuery(byCIK: false, since: since != nil, until: until != nil, currentReportsOnly: true, limited: true)
            let dates: [any DatabaseValueConvertible] = [since, until].compactMap { $0 }
            return try Filing.fetchAll(db, sql: sql, arguments: StatementArguments(dates + [limit]))
        }
    }

    /// How many 8-Ks are stored in a window, for saying what a `records` limit left out.
    public func currentReportCount(since: String?, until: String?) throws -> Int {
        try writer.read { db in
            var conditions = ["form IN ('8-K', '8-K/A')"]
            if since != nil { conditions.append("filingDate >= ?") }
            if until != nil { conditions.append("filingDate <= ?") }
            let dates: [any DatabaseValueConvertible] = [since, until].compactMap { $0 }
            return try Int.fetchOne(
                db, sql: "SELECT count(*) FROM filing WHERE " + conditions.joined(separator: " AND "), arguments: StatementArguments(dates)) ?? 0
        }
    }

    /// The query behind both `filings` lookups, newest first, with a `?` for each of: the CIK, the
    /// first and last day, and the limit, in that order, as asked for.
    static func filingsQuery(byCIK: Bool, since: Bool, until: Bool, currentReportsOnly: Bool = false, limited: Bool = false) -> String {
        var conditions: [String] = []
        if byCIK { conditions.append("filing.cik = ?") }
        if since { conditions.append("filing.filingDate >= ?") }
        if until { conditions.append("filing.filingDate <= ?") }
        if currentReportsOnly { conditions.append("filing.form IN ('8-K', '8-K/A')") }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return "SELECT \(filingColumns) FROM filing \(filingSourceJoin)\(filter) ORDER BY filing.filingDate DESC, filing.accession DESC"
            + (limited ? " LIMIT ?" : "")
    }

    /// Watched companies' 8-Ks whose item codes are still unknown (the submissions JSON lags the index by hours).
    ///
    /// CROSS JOIN keeps the watch list as the outer loop: left to itself SQLite walks every filing by date.
    public func currentReportsAwaitingItems() throws -> [Filing] {
        try writer.read { db in
            try Filing.fetchAll(
                db,
                sql: """
                    SELECT \(Store.filingColumns) FROM watch CROSS JOIN filing ON filing.cik = watch.cik \(Store.filingSourceJoin)
                    WHERE filing.items IS NULL AND filing.form IN ('8-K', '8-K/A')
                    ORDER BY filing.filingDate
                    """)
        }
    }

    /// How many filings are stored (a filing co-filed by two companies counts twice).
    public func filingCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filing") ?? 0 }
    }
}
