import FilingsModel
import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

/// Stored notices are linked to the one company each is, watched or not, when a file is stored;
/// `records --company` and `check` of an unwatched company find them, and say why.
@Suite struct RecordLinkerTests {
    static func notice(_ company: String, _ date: String, employees: Int, row: Int) -> WarnNotice {
        WarnNotice(
            source: Source(rawValue: "tx-warn"), company: company, noticeDate: date, receivedDate: nil, effectiveDate: date, employees: employees,
            layoffOrClosure: "Layoff", county: nil, address: nil, city: "Dallas", industry: nil, sourceFile: "tx.csv", sourceRow: row)
    }

    static func seeded() throws -> (FilingsContext, Store) {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.upsertCompany(Company(cik: 28917, name: "DILLARD'S, INC.", tickers: ["DDS"], source: "https://www.sec.gov/files/company_tickers.json"))
        try store.upsertCompany(Company(cik: 1_675_149, name: "Alcoa Corp", tickers: ["AA"], source: "https://www.sec.gov/files/company_tickers.json"))
        try store.upsertCompany(Company(cik: 11, name: "Acme Corp", source: "index"))
        try store.upsertCompany(Company(cik: 12, name: "ACME CORP /DE/", source: "index"))
        let context = try FilingsContext.offline(store, fetchIsAFailure: true)
        let notices = [
            notice("Dillard's, Inc. - Dallas", "2008-07-01", employees: 157, row: 2),
            notice("Dillard's Inc.(Dillard's Texas Central, LLC)", "2025-11-08", employees: 93, row: 3),
            notice("Alcoa, Inc.", "2008-06-25", employees: 40, row: 4),
            notice("Acme Corp.", "2024-01-10", employees: 20, row: 5),
            notice("Aramark at Dillard's", "2024-02-01", employees: 9, row: 6),
        ]
        let feed = try context.feeds.feed(id: "tx-warn")
        _ = try NoticeIngest(context: context).storeWarn(
            WarnParseResult(notices: notices, diagnostics: []), feed: feed.id, unit: .file("tx.csv"), url: "tx.csv")
        return (context, store)
    }

    @Test func aStoredFileIsLinkedRowByRowWithTheReasonOrWhyNot() throws {
        let (_, store) = try Self.seeded()
        #expect(try store.linkCounts() == (examined: 5, linked: 2))
        let links = try store.links(cik: 28917)
        #expect(links.count == 2)
        #expect(links.allSatisfy { $0.basis == .current && $0.reason == "current name" })
        // Alcoa Corp's CIK was first used in 2016: it is not the employer of a 2008 notice of "Alcoa, Inc.".
        #expect(try store.links(cik: 1_675_149).isEmpty)
        let all = try store.links(records: try store.warnNotices().map(RecordLink.key(warn:)))
        #expect(all.values.contains { $0.cik == nil && $0.reason == "2 companies have this name (CIK 11, 12)" })
    }

    @Test func recordsOfAnUnwatchedCompanyCarryItsCIKAndWhy() throws {
        let (context, _) = try Self.seeded()
        let page = try RecordFinder(context: context).records(source: nil, company: "DDS", since: nil, until: nil, limit: 10)
        #expect(page.records.map(\.employees) == [93, 157])
        #expect(page.records.allSatisfy { $0.cik == 28917 && $0.linkedAs == "current name: DILLARD'S, INC." })
        // A contractor at Dillard's is not Dillard's record.
        #expect(!page.records.contains { $0.company.hasPrefix("Aramark") })
    }

    @Test func checkOfAnUnwatchedCompanyFindsItsNotices() async throws {
        let (context, _) = try Self.seeded()
        let result = try await Checker(context: context).check(
            "DDS", since: try #require(Day("2025-11-01")), until: Day("2025-11-30"), claims: [.layoffs], offline: true)
        let layoffs = try #require(result.claims.first)
        #expect(layoffs.evidence.map(\.employees) == [93])
        #expect(layoffs.verdict == .confirmed)
    }
}
