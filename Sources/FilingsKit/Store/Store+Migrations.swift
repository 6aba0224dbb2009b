import FilingsModel
import GRDB

extension Store {
    /// Versioned schema. Append new migrations; never edit a released one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-edgar") { db in
            try db.create(table: "company") { t in
                t.primaryKey("cik", .integer)
                t.column("name", .text).notNull()
                t.column("tickers", .jsonText).notNull().defaults(to: "[]")
                t.column("exchanges", .jsonText).notNull().defaults(to: "[]")
                t.column("formerNames", .jsonText).notNull().defaults(to: "[]")
                t.column("source", .text).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            // Every name a company is known by, normalized, for `watch` and matching.
            try db.create(table: "companyName") { t in
                t.column("cik", .integer).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("normalized", .text).notNull()
                t.column("kind", .text).notNull()  // current, former, ticker, alias
                t.column("from", .text)
                t.column("to", .text)
                t.primaryKey(["cik", "kind", "normalized"])
            }
            try db.create(index: "companyName_normalized", on: "companyName", columns: ["normalized"])

            try db.create(table: "filing") { t in
                t.primaryKey("accession", .text)
                t.column("cik", .integer).notNull()
                t.column("companyName", .text).notNull()
                t.column("form", .text).notNull()
                t.column("filingDate", .text).notNull()
                t.column("acceptedAt", .text)
                t.column("items", .jsonText)
                t.column("primaryDocument", .text)
                t.column("url", .text).notNull()
                t.column("source", .text).notNull()
                t.column("fetchedAt", .datetime).notNull()
            }
            try db.create(index: "filing_cik_date", on: "filing", columns: ["cik", "filingDate"])
            try db.create(index: "filing_date", on: "filing", columns: ["filingDate"])

            try db.create(table: "watch") { t in
                t.primaryKey("cik", .integer)
                t.column("name", .text).notNull()
                t.column("aliases", .jsonText).notNull().defaults(to: "[]")
                t.column("createdAt", .datetime).notNull()
                t.column("historyLoadedAt", .datetime)
            }

            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("cik", .integer)
                t.column("company", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("source", .text).notNull()
                t.column("sourceRef", .text).notNull()
                t.column("date", .text).notNull()
                t.column("url", .text)
                t.column("summary", .text).notNull()
                t.column("strength", .text).notNull()
                t.column("historical", .boolean).notNull()
                t.column("employees", .integer)
                t.column("quote", .text)
                t.column("matchedName", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("deliveredAt", .datetime)
            }
            try db.create(index: "event_cik_date", on: "event", columns: ["cik", "date"])
            try db.create(index: "event_sourceRef", on: "event", columns: ["sourceRef"])
            try db.create(index: "event_pending", on: "event", columns: ["deliveredAt", "historical"])

            try db.create(table: "ledgerEntry") { t in
                t.column("feed", .text).notNull()
                t.column("unit", .text).notNull()
                t.column("status", .text).notNull()
                t.column("url", .text).notNull()
                t.column("fetchedAt", .datetime).notNull()
                t.column("etag", .text)
                t.column("lastModified", .text)
                t.column("rows", .integer).notNull()
                t.column("detail", .text)
                t.primaryKey(["feed", "unit"])
            }

            // Small key/value facts that must survive between processes (the SEC ban).
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2-notices") { db in
            try db.alter(table: "ledgerEntry") { t in
                t.add(column: "coversFrom", .text)
                t.add(column: "coversUntil", .text)
            }
            // One row per WARN notice site. The tracking columns are the store's, not the parser's.
            try db.create(table: "warnNotice") { t in
                t.primaryKey("key", .text)
                t.column("company", .text).notNull()
                t.column("noticeDate", .text)
                t.column("receivedDate", .text)
                t.column("effectiveDate", .text)
                t.column("employees", .integer)
                t.column("layoffOrClosure", .text)
                t.column("kind", .text).notNull()
                t.column("county", .text)
                t.column("address", .text)
                t.column("city", .text)
                t.column("industry", .text)
                t.column("sourceFile", .text).notNull()
                t.column("sourceRow", .integer).notNull()
                t.column("normalizedCompany", .text).notNull().defaults(to: "")
                t.column("sourceURL", .text)
                t.column("firstSeenAt", .datetime)
                t.column("amendedAt", .datetime)
                t.column("previousEmployees", .integer)
            }
            try db.create(index: "warnNotice_noticeDate", on: "warnNotice", columns: ["noticeDate"])
            try db.create(index: "warnNotice_company", on: "warnNotice", columns: ["normalizedCompany"])

            try db.create(table: "ermEvent") { t in
                t.primaryKey("id", .text)
                t.column("announcementDate", .text).notNull()
                t.column("country", .text).notNull()
                t.column("company", .text).notNull()
                t.column("sector", .text)
                t.column("restructuringType", .text)
                t.column("employmentChange", .integer)
                t.column("url", .text).notNull()
                t.column("normalizedCompany", .text).notNull().defaults(to: "")
                t.column("sourceURL", .text)
                t.column("firstSeenAt", .datetime)
            }
            try db.create(index: "ermEvent_date", on: "ermEvent", columns: ["announcementDate"])
        }
        migrator.registerMigration("v3-event-amendments") { db in
            // A WARN notice whose counts change later updates its event and flags it here.
            try db.alter(table: "event") { t in
                t.add(column: "amendedAt", .datetime)
            }
        }
        migrator.registerMigration("v4-filing-documents") { db in
            // What reading an 8-K found, kept as evidence: the item sections and press-release text, once per filing.
            try db.create(table: "filingDocument") { t in
                t.primaryKey("accession", .text)
                t.column("url", .text).notNull()
                t.column("fetchedAt", .datetime).notNull()
                t.column("sections", .jsonText).notNull()
                t.column("exhibitExcerpt", .text)
            }
        }
        migrator.registerMigration("v5-company-name-words") { db in
            // A word index over each company's names (rowid = CIK), so looking a company up by a word of
            // its name ("acme" in "acme holdings") is a search, not a scan of every name (119 ms at 800,000).
            // The store rewrites a company's row whenever its names change (`Store.indexNames`).
            // No column sizes: nothing ranks by relevance, and they cost a fifth of every insert.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE companyNameWords USING fts5(names, columnsize = 0);
                    INSERT INTO companyNameWords (rowid, names)
                        SELECT cik, group_concat(normalized, ' ; ') FROM companyName WHERE kind <> 'ticker' GROUP BY cik;
                    """)
        }
        migrator.registerMigration("v6-filing-awaiting-events") { db in
            // Set when a filing's item codes arrive, cleared in the transaction that raises its events:
            // a run killed in between (reading filings takes minutes) leaves the mark, and the next
            // run raises them, instead of finding the filing unchanged and never telling anyone.
            // `new` or `history`: whether those events are news to mail or the past. No index of its
            // own: it is only asked per company, through filing_cik_date, and building one would read
            // every filing of a backfilled database (90 s at 10 million) on the first run.
            try db.alter(table: "filing") { t in
                t.add(column: "awaitingEvents", .text)
            }
        }
        migrator.registerMigration("v7-warn-letters-without-received-date") { db in
            // A WARN letter is now its company, notice date and effective date: EDD changes the received
            // date when it processes a revision. Stored events take their letter's new key, so a revision
            // amends them instead of raising a second event. The formula is written out here, as it was
            // when this migration was made.
            let events = try Row.fetchAll(db, sql: "SELECT id, key, sourceRef FROM event WHERE source = 'ca-warn'")
            for event in events {
                let key: String = event["key"]
                let sourceRef: String = event["sourceRef"]
                guard let site = sourceRef.split(separator: ",").first, let prefix = key.range(of: ":", options: .backwards),
                    let notice = try Row.fetchOne(
                        db, sql: "SELECT company, noticeDate, effectiveDate FROM warnNotice WHERE key = ?", arguments: [String(site)])
                else { continue }
                let company: String = notice["company"]
                let noticeDate: String? = notice["noticeDate"]
                let effectiveDate: String? = notice["effectiveDate"]
                let letter = WarnNoticeKey.fnv1a64Hex([CompanyName.normalize(company), noticeDate ?? "", effectiveDate ?? ""].joined(separator: "|"))
                try db.execute(
                    sql: "UPDATE OR IGNORE event SET key = ? WHERE id = ?",
                    arguments: [String(key[..<prefix.upperBound]) + letter, event["id"] as Int64])
            }
        }
        migrator.registerMigration("v8-filing-per-filer") { db in
            // A filing is stored once per filer. EDGAR lists a co-registrants' 8-K (a utility and its
            // parent, a REIT and its operating partnership) and a Form 4 (issuer and owner) under each
            // CIK; keyed by accession alone, only the first CIK's row was kept, and a watch on the
            // other never saw the filing. Keyed (cik, accession) WITHOUT ROWID, a company's filings lie
            // together and need no second index. Where rows came from is one `filingSource` row per
            // load instead of 150 bytes per filing: a bulk load stores no URL (NULL) and its source's
            // template gives it (`Store.filingColumns`). Existing rows keep their URLs. Only `records`
            // asks for filings by date alone, and it lists 8-Ks: the date index holds those, not every form.
            try db.execute(
                sql: """
                    CREATE TABLE filingSource (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        fetchedAt DATETIME NOT NULL,
                        urlTemplate TEXT);
                    CREATE INDEX filingSource_source ON filingSource (source, fetchedAt);
                    INSERT INTO filingSource (source, fetchedAt) SELECT source, fetchedAt FROM filing GROUP BY source, fetchedAt;
                    CREATE TABLE filingByFiler (
                        cik INTEGER NOT NULL,
                        accession TEXT NOT NULL,
                        filingDate TEXT NOT NULL,
                        form TEXT NOT NULL,
                        companyName TEXT NOT NULL,
                        sourceID INTEGER NOT NULL,
                        url TEXT,
                        acceptedAt TEXT,
                        items TEXT,
                        primaryDocument TEXT,
                        awaitingEvents TEXT,
                        PRIMARY KEY (cik, accession)
                    ) WITHOUT ROWID;
                    INSERT INTO filingByFiler
                        SELECT filing.cik, filing.accession, filing.filingDate, filing.form, filing.companyName, filingSource.id,
                               filing.url, filing.acceptedAt, filing.items, filing.primaryDocument, filing.awaitingEvents
                        FROM filing JOIN filingSource ON filingSource.source = filing.source AND filingSource.fetchedAt = filing.fetchedAt;
                    DROP TABLE filing;
                    ALTER TABLE filingByFiler RENAME TO filing;
                    CREATE INDEX filing_date ON filing (filingDate) WHERE form IN ('8-K', '8-K/A');
                    """)
        }
        migrator.registerMigration("v9-sec-events-per-filer") { db in
            // An 8-K event's key now names its filer ("sec-8k:CIK:ACCESSION:kind…"): a co-registrants' 8-K
            // raises events for each company instead of only the first one raised. Stored keys take the
            // new form, so nothing already raised is raised (or mailed) again.
            try db.execute(
                sql: """
                    UPDATE event SET key = 'sec-8k:' || cik || ':' || substr(key, 8)
                    WHERE source = 'sec-8k' AND cik IS NOT NULL AND key LIKE 'sec-8k:%'
                    """)
        }
        migrator.registerMigration("v10-company-name-without-cik-index") { db in
            // The primary key (cik, kind, normalized) already finds a company's names by CIK; the
            // second index only cost every name written, and a bulk load its drop and rebuild.
            try db.execute(sql: "DROP INDEX IF EXISTS companyName_on_cik")
        }
        migrator.registerMigration("v11-company-name-documents") { db in
            // The word index keeps no copy of its documents: they live in companyNameDoc, written in
            // bulk, and the index holds only their words. With FTS5's own copy, indexing a quarter's
            // 4,515 new filers took 5.5 ms; this way, 3.7 ms. (A contentless index would need
            // `contentless_delete`, which SQLite 3.40 lacks, to forget a company's old names.)
            try db.execute(
                sql: """
                    CREATE TABLE companyNameDoc (cik INTEGER PRIMARY KEY, names TEXT NOT NULL);
                    INSERT INTO companyNameDoc (cik, names)
                        SELECT cik, group_concat(normalized, ' ; ') FROM companyName WHERE kind <> 'ticker' GROUP BY cik;
                    DROP TABLE companyNameWords;
                    CREATE VIRTUAL TABLE companyNameWords USING fts5(
                        names, content = 'companyNameDoc', content_rowid = 'cik', columnsize = 0);
                    INSERT INTO companyNameWords (companyNameWords) VALUES ('rebuild');
                    """)
        }
        migrator.registerMigration("v12-typed-ledger-units") { db in
            // A unit's text names its kind (`day/…`, `quarter/…`, `range/…`, `file/…`), so a file
            // named like a day is never read as one; a stored index's forms get a column of their
            // own instead of the front of its detail text ("forms: 8-K; 3 malformed rows skipped").
            try db.alter(table: "ledgerEntry") { t in t.add(column: "forms", .text) }
            for row in try Row.fetchAll(db, sql: "SELECT rowid, unit, detail FROM ledgerEntry") {
                let unit = LedgerUnit(legacy: row["unit"])
                var detail: String? = row["detail"]
                var forms: String?
                if let text = detail, text.hasPrefix("forms: ") {
                    let rest = text.dropFirst("forms: ".count)
                    forms = String(rest.prefix { $0 != ";" })
                    let note = rest.drop { $0 != ";" }.dropFirst().trimmingCharacters(in: .whitespaces)
                    detail = note.isEmpty ? nil : note
                }
                try db.execute(
                    sql: "UPDATE ledgerEntry SET unit = ?, detail = ?, forms = ? WHERE rowid = ?",
                    arguments: [unit.stored, detail, forms, row["rowid"]])
            }
        }
        migrator.registerMigration("v13-state-warn") { db in
            // Every state's notices share one table; each row names its source (`ca-warn`, `wa-warn`),
            // and rows stored before there was more than one state are California's.
            try db.alter(table: "warnNotice") { t in
                t.add(column: "source", .text).notNull().defaults(to: "ca-warn")
                t.add(column: "temporary", .boolean)
                t.add(column: "amendment", .boolean)
            }
            try db.create(index: "warnNotice_source_noticeDate", on: "warnNotice", columns: ["source", "noticeDate"])
        }
        migrator.registerMigration("v14-identity") { db in
            // Exhibit 21 of a company's latest 10-K: names its notices may carry. Kept apart from
            // companyName, which is rewritten whenever EDGAR's record of the company is.
            try db.create(table: "subsidiary") { t in
                t.column("cik", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("normalized", .text).notNull()
                t.column("accession", .text).notNull()
                t.column("filedOn", .text).notNull()
                t.primaryKey(["cik", "normalized"])
            }
            // Which company a stored WARN notice or ERM event is, watched or not, and why: one row per
            // record examined, cik NULL when no single company is the clear match.
            try db.create(table: "recordLink") { t in
                t.primaryKey("record", .text)  // "warn:<key>" or "erm:<id>"
                t.column("cik", .integer).indexed()
                t.column("name", .text)
                t.column("basis", .text)
                t.column("reason", .text).notNull()
            }
            try db.alter(table: "event") { t in t.add(column: "matchedAs", .text) }
        }
        migrator.registerMigration("v15-people") { db in
            // The people an 8-K's 5.02 text names for an event (`PersonChange` list as JSON); events raised
            // before keep NULL, which reads as "not read for people", not as "nobody".
            try db.alter(table: "event") { t in
                t.add(column: "people", .jsonText)
            }
        }
        migrator.registerMigration("v16-health") { db in
            // Storing a state's file looks each row up as an earlier edition by source, company and
            // notice date. Without this index SQLite took (source, noticeDate), and for a state whose
            // file has no notice date (Georgia, New Jersey, Washington) that is every row of the
            // state: a first load of all states took 52 s of CPU for 37,000 rows (46 s with it).
            try db.create(
                index: "warnNotice_source_company_noticeDate", on: "warnNotice", columns: ["source", "normalizedCompany", "noticeDate"])
        }
        return migrator
    }
}
