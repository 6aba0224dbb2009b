import FilingsModel
import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

/// A notice matched only by the brand, at a site the company named in an earlier notice of its own, says so.
@Suite struct KnownSitesTests {
    static func notice(_ company: String, _ date: String, address: String, employees: Int, row: Int) -> WarnNotice {
        WarnNotice(
            source: Source(rawValue: "ny-warn"), company: company, noticeDate: date, receivedDate: nil, effectiveDate: nil, employees: employees,
            layoffOrClosure: "Layoff", county: "New York", address: address, city: "New York", industry: nil, sourceFile: "ny.csv", sourceRow: row)
    }

    @Test func aBrandOnlyNoticeAtAKnownSiteSaysSo() async throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        try store.upsertCompany(
            Company(
                cik: 1_326_801, name: "Meta Platforms, Inc.", tickers: ["META"],
                formerNames: [FormerName(name: "FACEBOOK INC", from: "2004-07-30", to: "2022-06-08")], source: "https://data.sec.gov/submissions/CIK0001326801.json"))
        let context = try FilingsContext.offline(store, fetchIsAFailure: true)
        let notices = [
            Self.notice("Meta Platforms, Inc. (formerly Facebook, Inc.)", "2023-04-24", address: "770 Broadway New York, NY, 10003", employees: 90, row: 2),
            Self.notice("Meta", "2026-05-20", address: "770 Broadway New York, NY, 10003", employees: 389, row: 3),
            Self.notice("Meta", "2026-05-20", address: "380 W. 33rd Street New York, NY, 10001", employees: 417, row: 4),
        ]
        _ = try NoticeIngest(context: context).storeWarn(
            WarnParseResult(notices: notices, diagnostics: []), feed: "ny-warn", unit: .file("ny.csv"), url: "ny.csv")
        let result = try await Checker(context: context).check(
            "1326801", since: try #require(Day("2026-05-01")), until: Day("2026-05-31"), claims: [.layoffs], offline: true)
        let event = try #require(result.claims.first?.evidence.first)
        #expect(event.employees == 806)
        #expect(event.matchedAs?.hasPrefix("brand (the ticker META is the first word of its name): Meta") == true)
        #expect(event.matchedAs?.hasSuffix("; 770 Broadway New York is also a site of its notice of 2023-04-24 (ny-warn)") == true, "\(event.matchedAs ?? "")")
        // The company's own name needs no such support, and says nothing of sites.
        let own = try await Checker(context: context).check(
            "1326801", since: try #require(Day("2023-04-01")), until: Day("2023-04-30"), claims: [.layoffs], offline: true)
        #expect(own.claims.first?.evidence.first?.matchedAs == "current name: Meta Platforms, Inc.")
    }

    @Test("an address is a site only with a street number", arguments: [
        ("770 Broadway New York, NY, 10003", "770 broadway new york"), ("380 W. 33rd Street", "380 w 33rd street"),
        ("New York County", nil), ("", nil), ("Broadway 770", nil),
    ])
    func key(address: String, key: String?) {
        #expect(KnownSites.key(address) == key)
    }
}
