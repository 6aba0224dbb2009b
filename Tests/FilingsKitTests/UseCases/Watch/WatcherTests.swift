import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite(.serialized) struct WatcherTests {
    /// A history page EDGAR lists but does not serve: the summary says from which day the history
    /// holds, not only how many filings.
    @Test func aHistoryEDGARServesInPartIsSaidSo() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let whole = try await Watcher(context: try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now)).watch("Meta")
            #expect(whole.historyIncompleteBefore == nil)
            #expect(!WatchSummary.text(whole).contains("did not serve"))

            await server.route("/submissions/CIK0001326801-submissions-001.json", .status(404))
            let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
            let part = try await Watcher(context: try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now, store: store)).watch("Meta")
            let since = try #require(part.historyIncompleteBefore)
            #expect(since > SubmissionsLoader.firstDay)
            #expect(WatchSummary.text(part).contains("8-K filings in its history since \(since) (EDGAR did not serve the older history pages"))
        }
    }

    /// Watching reads Exhibit 21 of the latest 10-K: a stored notice of a subsidiary becomes the
    /// company's, says why, and `who` lists the name with its provenance. A second watch of the same
    /// 10-K fetches nothing again.
    @Test func subsidiariesFromExhibit21MakeASubsidiarysNoticeTheCompanys() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
            let context = try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now, store: store)
            let notices = [
                WarnNotice(
                    source: Source(rawValue: "wa-warn"), company: "Instagram, LLC", noticeDate: "2025-11-03", receivedDate: nil,
                    effectiveDate: "2026-01-05", employees: 44, layoffOrClosure: "Layoff", county: nil, address: "1 Hacker Way", city: "Seattle",
                    industry: nil, sourceFile: "wa.csv", sourceRow: 2),
                WarnNotice(
                    source: Source(rawValue: "wa-warn"), company: "ABM Industry Groups, LLC dba Meta", noticeDate: "2025-11-04", receivedDate: nil,
                    effectiveDate: "2026-01-05", employees: 12, layoffOrClosure: "Layoff", county: nil, address: nil, city: "Seattle",
                    industry: nil, sourceFile: "wa.csv", sourceRow: 3),
            ]
            let entry = LedgerEntry(feed: "wa-warn", unit: .file("wa.csv"), status: .ok, url: "wa.csv", fetchedAt: Date(), rows: 2)
            _ = try store.storeWarnReport(notices, sourceURL: "wa.csv", ledger: entry, now: Date())

            let outcome = try await Watcher(context: context).watch("Meta")
            #expect(outcome.subsidiaries == "8 subsidiaries from Exhibit 21 of the 10-K filed 2025-01-30")
            #expect(WatchSummary.text(outcome).contains("`filings who 1326801` lists every name"))
            #expect(try store.subsidiaries(cik: 1_326_801).map(\.name).contains("Instagram, LLC"))

            let events = try store.events(EventQuery(cik: 1_326_801)).filter { $0.source.rawValue == "wa-warn" }
            let own = try #require(events.first { $0.matchedName == "Instagram, LLC" })
            #expect(own.kind == .layoff)
            #expect(own.matchedAs?.hasPrefix("subsidiary (Exhibit 21 of the 10-K filed 2025-01-30") == true)
            let abm = try #require(events.first { $0.matchedName == "ABM Industry Groups, LLC dba Meta" })
            #expect(abm.kind == .other && abm.summary.hasPrefix("contractor's WARN notice"))

            let identity = try await IdentityFinder(context: context).identity(of: "Meta", offline: true)
            let instagram = try #require(identity.names.first { $0.name.name == "Instagram, LLC" })
            #expect(instagram.name.basis == .subsidiary && instagram.notices.map(\.employees) == [44])
            #expect(identity.contractors.map(\.company) == ["ABM Industry Groups, LLC dba Meta"])
            #expect(identity.names.contains { $0.name.basis == .brand && $0.name.name == "Meta" })
            #expect(identity.names.contains { $0.name.basis == .former && $0.name.name == "FACEBOOK INC" && $0.name.to == "2022-06-08" })

            let again = try await Watcher(context: context).watch("Meta")
            #expect(again.subsidiaries == "8 subsidiaries from Exhibit 21 of the 10-K filed 2025-01-30")
            #expect(await server.requests(to: EDGARMirror.exhibit21Path).count == 1)
        }
    }

    /// A newer 10-K seen when the nightly sync reads the filing list replaces the subsidiaries: a name
    /// dropped from the list stops matching, a new one starts; a 10-K whose exhibit cannot be read
    /// keeps the stored list and does not fail the night.
    @Test func aNewerTenKReplacesTheSubsidiariesAndAnUnreadableOneKeepsThem() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
            let context = try mirror.context(now: TestClock("2026-02-02T12:00:00Z").now, store: store)
            let watched = try await Watcher(context: context).watch("Meta")
            #expect(try store.subsidiaries(cik: 1_326_801).count == 8)

            let index = try String(decoding: SharedData.fixture("edgar/10k/0001326801-25-000017-index.htm"), as: UTF8.self)
                .replacingOccurrences(of: "25-000017", with: "26-000012").replacingOccurrences(of: "25000017", with: "26000012")
            await server.route("/Archives/edgar/data/1326801/000132680126000012/0001326801-26-000012-index.htm", .ok(index))
            await server.route(
                "/Archives/edgar/data/1326801/000132680126000012/meta-12312024xexhibit211.htm",
                .ok("<table><tr><td>Name</td><td>Jurisdiction</td></tr><tr><td>Meta Platforms Technologies, LLC</td><td>DE</td></tr><tr><td>Reality Labs Holdings LLC</td><td>DE</td></tr></table>"))
            let sync = EDGARSync(context: context, feed: try context.edgarFeed())
            try await sync.refreshSubsidiaries(
                watched.watch, annual: SubmissionFiling(accession: "0001326801-26-000012", form: "10-K", filingDate: "2026-01-29"))
            let names = try store.subsidiaries(cik: 1_326_801)
            #expect(names.map(\.name) == ["Meta Platforms Technologies, LLC", "Reality Labs Holdings LLC"])
            #expect(names.allSatisfy { $0.from == "2026-01-29" && $0.provenance.contains("0001326801-26-000012") })

            // The next 10-K's exhibit is missing: the night goes on, the list stands, the log says so.
            try await sync.refreshSubsidiaries(
                watched.watch, annual: SubmissionFiling(accession: "0001326801-27-000003", form: "10-K", filingDate: "2027-01-28"))
            #expect(try store.subsidiaries(cik: 1_326_801).count == 2)
        }
    }
}
