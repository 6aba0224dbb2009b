import FilingsModel
import Foundation
import GRDB

extension Store {
    /// Stores or refreshes a company and every name it is known by.
    public func upsertCompany(_ company: Company) throws {
        try writer.write { db in try Store.upsertCompany(company, db) }
    }

    /// Adds a company seen only by name (an index row) unless it is already known.
    static func noteCompany(cik: Int64, name: String, source: String, _ db: Database) throws {
        guard try !Company.exists(db, key: cik) else { return }
        try upsertCompany(Company(cik: cik, name: name, source: source), db)
    }

    static func upsertCompany(_ company: Company, _ db: Database) throws {
        try company.save(db)
        try CompanyNameRow.filter(Column("cik") == company.cik && Column("kind") != "alias").deleteAll(db)
        var rows = [CompanyNameRow(cik: company.cik, name: company.name, normalized: CompanyName.normalize(company.name), kind: "current")]
        rows += company.formerNames.map {
            CompanyNameRow(cik: company.cik, name: $0.name, normalized: CompanyName.normalize($0.name), kind: "former", from: $0.from, to: $0.to)
        }
        rows += company.tickers.map { CompanyNameRow(cik: company.cik, name: $0, normalized: $0.uppercased(), kind: "ticker") }
        for row in rows where !row.normalized.isEmpty {
            try row.insert(db, onConflict: .replace)
        }
        try indexNames(cik: company.cik, db)
    }

    /// Rewrites the company's document of the word index from its names (tickers excluded).
    ///
    /// A company's names are one document, joined by a separator no phrase can match across
    /// (`;` is not a word); a phrase that still spans two names is caught by the `containsWords` check.
    /// The document is kept in `companyNameDoc`: the index holds only its words, and takes a
    /// document out by being told the words it was indexed under.
    static func indexNames(cik: Int64, _ db: Database) throws {
        // Cached: a ticker map rewrites thousands of companies in one transaction.
        try db.cachedStatement(
            sql: "INSERT INTO companyNameWords (companyNameWords, rowid, names) SELECT 'delete', cik, names FROM companyNameDoc WHERE cik = ?"
        ).execute(arguments: [cik])
        try db.cachedStatement(sql: "DELETE FROM companyNameDoc WHERE cik = ?").execute(arguments: [cik])
        try db.cachedStatement(
            sql: """
                INSERT INTO companyNameDoc (cik, names)
                SELECT cik, group_concat(normalized, ' ; ') FROM companyName WHERE cik = ? AND kind <> 'ticker' GROUP BY cik
                """
        ).execute(arguments: [cik])
        try db.cachedStatement(sql: "INSERT INTO companyNameWords (rowid, names) SELECT cik, names FROM companyNameDoc WHERE cik = ?")
            .execute(arguments: [cik])
    }

    /// Indexes, a statement for all of them, the companies named for the first time after `rowid`
    /// in `companyName` (a bulk load names only the companies it adds): its thousands of new filers
    /// cost one pass, not one index write each, and their names are read by rowid, not looked up
    /// company by company.
    ///
    /// A company that already had a document (named by the user's aliases before it was known) has
    /// it rebuilt from all its names.
    static func indexNames(addedAfter rowid: Int64, _ db: Database) throws {
        let newlyNamed = "SELECT cik FROM companyName WHERE rowid > ? AND kind <> 'ticker'"
        let named = try Int64.fetchAll(db, sql: "SELECT cik FROM companyNameDoc WHERE cik IN (\(newlyNamed))", arguments: [rowid])
        let others = named.isEmpty ? "" : "AND cik NOT IN (\(named.map(String.init).joined(separator: ", ")))"
        // Names in the order they were added, joined as they come: grouping them by company first
        // cost a sort, 1.4 of the 4.9 ms a quarter's 4,515 new filers took.
        try db.execute(
            sql: """
                INSERT INTO companyNameDoc (cik, names)
                SELECT cik, normalized FROM companyName WHERE rowid > ? AND kind <> 'ticker' \(others)
                ON CONFLICT (cik) DO UPDATE SET names = names || ' ; ' || excluded.names
                """,
            arguments: [rowid])
        try db.execute(
            sql: "INSERT INTO companyNameWords (rowid, names) SELECT cik, names FROM companyNameDoc WHERE cik IN (\(newlyNamed) \(others))",
            arguments: [rowid])
        for cik in named { try indexNames(cik: cik, db) }
    }

    /// The company with this CIK, if known.
    public func company(cik: Int64) throws -> Company? {
        try writer.read { db in try Company.fetchOne(db, key: cik) }
    }

    /// How many companies the store knows.
    public func companyCount() throws -> Int {
        try writer.read { db in try Company.fetchCount(db) }
    }

    /// Names exactly equal to `normalized`, tickers equal to `ticker`, and names containing every word of `words`.
    public func nameCandidates(normalized: String, ticker: String, words: [String]) throws -> [NameCandidate] {
        try writer.read { db in
            var rows = try CompanyNameRow.filter(Column("normalized") == normalized || (Column("kind") == "ticker" && Column("normalized") == ticker)).fetchAll(db)
            if !words.isEmpty {
                // The word index finds the phrase; checked again here, as its tokenizer folds a little more than ours.
                // Word matches are only offered, never picked, so a word shared by thousands of names lists the first found.
                let loose = try CompanyNameRow.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM companyName WHERE kind <> 'ticker' AND cik IN
                            (SELECT rowid FROM companyNameWords WHERE companyNameWords MATCH ? LIMIT \(Store.wordMatchLimit))
                        """,
                    arguments: [Store.phraseQuery(words)])
                rows += loose.filter { CompanyName.containsWords($0.normalized.split(separator: " ").map(String.init), words) }
            }
            var seen = Set<String>()
            rows = rows.filter { seen.insert("\($0.cik)|\($0.kind)|\($0.normalized)").inserted }
            // One query for all their companies: a common word can match thousands of names.
            let companies = Dictionary(
                try Company.fetchAll(db, keys: Set(rows.map(\.cik))).map { ($0.cik, $0) }, uniquingKeysWith: { first, _ in first })
            return rows.compactMap { row in
                companies[row.cik].map {
                    NameCandidate(
                        cik: row.cik, currentName: $0.name, matchedName: row.name, kind: row.kind, tickers: $0.tickers,
                        normalizedName: row.normalized)
                }
            }
        }
    }

    /// The most companies a lookup by words reads.
    static let wordMatchLimit = 1_000

    /// An FTS5 query for names holding `words` as a phrase. Quoted whole, no word is read as an operator.
    static func phraseQuery(_ words: [String]) -> String {
        "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Records the user's own aliases for a company so matching and lookups see them.
    func setAliases(_ aliases: [String], cik: Int64, _ db: Database) throws {
        try CompanyNameRow.filter(Column("cik") == cik && Column("kind") == "alias").deleteAll(db)
        for alias in aliases {
            let normalized = CompanyName.normalize(alias)
            guard !normalized.isEmpty else { continue }
            try CompanyNameRow(cik: cik, name: alias, normalized: normalized, kind: "alias").insert(db, onConflict: .replace)
        }
        try Store.indexNames(cik: cik, db)
    }
}

extension Store {
    /// The known companies among `ciks`, by CIK.
    public func companies(ciks: [Int64]) throws -> [Int64: Company] {
        try writer.read { db in
            Dictionary(uniqueKeysWithValues: try Company.fetchAll(db, keys: ciks).map { ($0.cik, $0) })
        }
    }
}
