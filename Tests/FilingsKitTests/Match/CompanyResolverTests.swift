import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite struct CompanyResolverTests {
    /// A store holding the companies whose names collide with Meta's, as in SEC's ticker map.
    func storeWithMetaNeighbours() throws -> Store {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.importTickers(
            [
                (1326801, "META", "Meta Platforms, Inc.", "Nasdaq"),
                (1431567, "MMAT", "META MATERIALS INC.", nil),
                (1784535, "MDAT", "Meta Data Ltd", nil),
                (320193, "AAPL", "Apple Inc.", "Nasdaq"),
                (1418091, "X", "UNITED STATES STEEL CORP", "NYSE"),
            ], source: "test")
        return store
    }

    func resolve(_ query: String, _ store: Store) throws -> Resolution {
        let candidates = try store.nameCandidates(
            normalized: CompanyName.normalize(query), ticker: query.uppercased(), words: CompanyName.words(query))
        return CompanyResolver.resolve(query, candidates: candidates)
    }

    @Test(arguments: ["Meta", "META", "meta", "Meta Platforms", "meta platforms, inc", "META PLATFORMS INC /DE/"])
    func metaResolvesToMetaPlatforms(_ query: String) throws {
        let store = try storeWithMetaNeighbours()
        guard case .resolved(let winner, let others) = try resolve(query, store) else {
            Issue.record("\(query) did not resolve")
            return
        }
        #expect(winner.cik == 1326801)
        #expect(!others.contains { $0.cik == 1326801 })
    }

    @Test func theNearestOtherCandidatesAreShown() throws {
        guard case .resolved(_, let others) = try resolve("Meta", try storeWithMetaNeighbours()) else {
            Issue.record("Meta did not resolve")
            return
        }
        #expect(Set(others.map(\.cik)) == [1431567, 1784535])
    }

    @Test func facebookResolvesOnceTheFormerNameIsKnown() throws {
        let store = try storeWithMetaNeighbours()
        #expect(try resolve("Facebook", store) == .notFound)
        var meta = try #require(try store.company(cik: 1326801))
        meta.formerNames = [FormerName(name: "FACEBOOK INC", from: "2012-02-01", to: "2021-10-28")]
        try store.upsertCompany(meta)
        guard case .resolved(let winner, _) = try resolve("Facebook", store) else {
            Issue.record("Facebook did not resolve")
            return
        }
        #expect(winner.cik == 1326801)
        #expect(winner.kind == "former")
    }

    @Test func oneCompanyMatchedByWordsResolvesAndSaysSo() throws {
        let store = try storeWithMetaNeighbours()
        // "Expedia" for "Expedia Group, Inc.": no exact name, one company by its words.
        guard case .resolvedByWords(let winner) = try resolve("Materials", store) else {
            Issue.record("a single company matched by words did not resolve")
            return
        }
        #expect(winner.cik == 1431567)
        #expect(try resolve("Data", store).wordMatches?.map(\.cik) == [1784535])
    }

    @Test func severalCompaniesMatchedByWordsAreAmbiguousNeverPicked() throws {
        let store = try storeWithMetaNeighbours()
        try store.importTickers([(1431568, "MMH", "Meta Materials Holdings", nil)], source: "test")
        guard case .ambiguous(let several) = try resolve("Materials", store) else {
            Issue.record("one of several word matches was picked silently")
            return
        }
        #expect(Set(several.map(\.cik)) == [1431567, 1431568])
    }

    @Test func wordsMustBeWholeWords() throws {
        // "Met" is inside "Meta" but is not one of its words.
        #expect(try resolve("Met", try storeWithMetaNeighbours()) == .notFound)
    }

    @Test func tickersWinOverNames() throws {
        let store = try storeWithMetaNeighbours()
        guard case .resolved(let winner, _) = try resolve("X", store) else {
            Issue.record("X did not resolve")
            return
        }
        #expect(winner.cik == 1418091)
    }

    @Test func realTickerMapResolvesMeta() throws {
        guard let url = SharedData.file("edgar/tickers/company_tickers.json") else { return }
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let entries = try TickerMapParser.parse(try Data(contentsOf: url), source: url.path)
        try store.importTickers(entries.map { ($0.cik, $0.ticker, $0.name, $0.exchange) }, source: url.path)
        for query in ["Meta", "META", "Meta Platforms"] {
            guard case .resolved(let winner, _) = try resolve(query, store) else {
                Issue.record("\(query) did not resolve against the real ticker map")
                continue
            }
            #expect(winner.cik == 1326801)
        }
    }
}
