import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The word index behind lookups by a word of a name stays in step with `companyName` through
/// every kind of write: renames, aliases, bulk loads, and a database made before it existed.
@Suite struct CompanyNameWordsTests {
    func resolve(_ query: String, _ store: Store) throws -> Resolution {
        let candidates = try store.nameCandidates(
            normalized: CompanyName.normalize(query), ticker: query.uppercased(), words: CompanyName.words(query))
        return CompanyResolver.resolve(query, candidates: candidates)
    }

    /// Each company with names has one document in the index, holding the words of its names
    /// (tickers excluded), and no other company has one: both the documents kept and the words FTS5 indexed.
    func expectInStep(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        func words(_ text: String) -> [String] { text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).sorted() }
        let (names, documents) = try store.writer.read { db in
            (
                Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT cik, normalized FROM companyName WHERE kind <> 'ticker'"), by: { $0["cik"] as Int64 })
                    .mapValues { rows in rows.map { $0["normalized"] as String }.joined(separator: " ") },
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rowid, names FROM companyNameWords").map {
                    ($0["rowid"] as Int64, words($0["names"]))
                })
            )
        }
        #expect(!names.isEmpty, sourceLocation: sourceLocation)
        #expect(documents == names.mapValues(words), sourceLocation: sourceLocation)
        #expect(try WordIndex.words(store) == names.mapValues(WordIndex.tokens), sourceLocation: sourceLocation)
    }

    @Test func aNameIsFoundByAWordInsideIt() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.importTickers([(1784535, "MDAT", "Meta Data Ltd", nil), (1326801, "META", "Meta Platforms, Inc.", "Nasdaq")], source: "test")
        guard let candidates = try resolve("Platforms", store).wordMatches else {
            Issue.record("a word inside a name was not found")
            return
        }
        #expect(candidates.map(\.cik) == [1326801])
        // Whole words only, and the words in their order.
        #expect(try resolve("Platform", store) == .notFound)
        #expect(try resolve("Platforms Meta", store) == .notFound)
        try expectInStep(store)
    }

    @Test func aRenamedCompanyIsNoLongerFoundByItsOldWords() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.importTickers([(1784535, "MDAT", "Meta Data Ltd", nil)], source: "test")
        var company = try #require(try store.company(cik: 1784535))
        company.name = "Quantum Widgets Ltd"
        try store.upsertCompany(company)
        #expect(try resolve("Data", store) == .notFound)
        guard let candidates = try resolve("Widgets", store).wordMatches else {
            Issue.record("the new name's words were not indexed")
            return
        }
        #expect(candidates.map(\.cik) == [1784535])
        try expectInStep(store)
    }

    @Test func aWatchAliasIsFoundByItsWordsUntilTheWatchGoes() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.importTickers([(1326801, "META", "Meta Platforms, Inc.", "Nasdaq")], source: "test")
        try store.saveWatch(Watch(cik: 1326801, name: "Meta Platforms, Inc.", aliases: ["Llama Research Lab"]))
        try expectInStep(store)
        guard let candidates = try resolve("Llama Research", store).wordMatches else {
            Issue.record("an alias's words were not indexed")
            return
        }
        #expect(candidates.map(\.cik) == [1326801])
        try store.removeWatch(cik: 1326801)
        try expectInStep(store)
        #expect(try resolve("Llama Research", store) == .notFound)
    }

    @Test func aPhraseDoesNotMatchAcrossTwoNames() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        var company = Company(cik: 1784535, name: "Meta Data Ltd", source: "test")
        company.formerNames = [FormerName(name: "Quantum Widgets Ltd", from: "2001-01-01", to: "2010-01-01")]
        try store.upsertCompany(company)
        try expectInStep(store)
        // "data quantum" would be the end of one name and the start of the next.
        #expect(try resolve("Data Quantum", store) == .notFound)
        #expect(try resolve("Quantum", store) != .notFound)
    }

    @Test func bulkLoadedFilersAreFoundByAWord() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let context = try FilingsContext.offline(store)
        let index = try SharedData.fixture("backfill/master.2025QTR1.idx")
        _ = try IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: .all)
            .run(try IndexByteSource(data: index, name: "q1"), recordSource: "q1")
        try expectInStep(store)
        let someName = try #require(try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT normalized FROM companyName WHERE normalized LIKE '% %' ORDER BY rowid DESC LIMIT 1")
        })
        let lastWord = String(try #require(someName.split(separator: " ").last))
        let found = try store.nameCandidates(normalized: "", ticker: "", words: [lastWord])
        #expect(found.contains { CompanyName.normalize($0.matchedName) == someName }, "\(lastWord) did not find \(someName)")
    }

    @Test func aDatabaseFromBeforeTheIndexGetsItsNamesIndexed() throws {
        let path = try temporaryDirectory().appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v4-filing-documents")
        try old.write { db in
            try db.execute(sql: "INSERT INTO companyName (cik, name, normalized, kind) VALUES (1784535, 'Meta Data Ltd', 'meta data', 'current')")
            try db.execute(sql: "INSERT INTO companyName (cik, name, normalized, kind) VALUES (1784535, 'MDAT', 'MDAT', 'ticker')")
            try db.execute(
                sql: "INSERT INTO company (cik, name, source, updatedAt) VALUES (1784535, 'Meta Data Ltd', 'test', '2026-01-01 00:00:00.000')")
        }
        try old.close()
        let store = try Store(path: path)
        try expectInStep(store)
        guard let candidates = try resolve("Data", store).wordMatches else {
            Issue.record("names stored before the word index were not indexed")
            return
        }
        #expect(candidates.map(\.cik) == [1784535])
    }

    @Test func aDatabaseWhoseIndexKeptItsOwnDocumentsMovesThemOut() throws {
        let path = try temporaryDirectory().appendingPathComponent("v10.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v10-company-name-without-cik-index")
        try old.write { db in
            for (cik, name, normalized) in [(1784535, "Meta Data Ltd", "meta data"), (1326801, "Meta Platforms, Inc.", "meta platforms")] {
                try db.execute(
                    sql: "INSERT INTO company (cik, name, source, updatedAt) VALUES (?, ?, 'test', '2026-01-01 00:00:00.000')", arguments: [cik, name])
                try db.execute(sql: "INSERT INTO companyName (cik, name, normalized, kind) VALUES (?, ?, ?, 'current')", arguments: [cik, name, normalized])
                try db.execute(sql: "INSERT INTO companyNameWords (rowid, names) VALUES (?, ?)", arguments: [cik, normalized])
            }
        }
        try old.close()
        let store = try Store(path: path)
        try expectInStep(store)
        // A rename takes the old words out of the index through the document the migration kept.
        try store.upsertCompany(Company(cik: 1784535, name: "Quantum Data Ltd", source: "test"))
        try expectInStep(store)
        guard let candidates = try resolve("Data", store).wordMatches else {
            Issue.record("a migrated company was not found by a word")
            return
        }
        #expect(candidates.map(\.cik) == [1784535])
        #expect(try store.writer.read { db in try Int64.fetchAll(db, sql: "SELECT rowid FROM companyNameWords WHERE companyNameWords MATCH 'meta' ORDER BY rowid") }
            == [1326801])
    }

    @Test(arguments: ["\"Acme\"", "acme OR data", "NEAR(acme data)", "data*", "^data", "Ｍｅｔａ", "e\u{301}lan", "株式会社 データ", "🙂 data", "a\u{0}b", ""])
    func anyQueryIsTakenAsWordsNeverAsSearchSyntax(_ query: String) throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.importTickers([(1784535, "MDAT", "Meta Data Ltd", nil), (1, "KK", "株式会社 データ", nil)], source: "test")
        // Operators, quotes and odd characters are words to look up, not FTS5 syntax: no query fails.
        let candidates = try store.nameCandidates(normalized: CompanyName.normalize(query), ticker: query.uppercased(), words: CompanyName.words(query))
        if query == "acme OR data" || query == "NEAR(acme data)" { #expect(candidates.isEmpty) }
        if query == "株式会社 データ" { #expect(candidates.map(\.cik) == [1]) }
    }
}
