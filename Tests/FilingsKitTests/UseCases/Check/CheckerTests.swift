import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite(.serialized) struct CheckerTests {
    /// An empty database, the full mirror, and Meta's latest submissions JSON.
    func check(_ since: String, _ until: String, prepare: (EDGARMirror) async throws -> Void = { _ in }) async throws -> CheckResult {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            try await NoticeMirror.start(on: mirror)
            await server.route("/submissions/CIK0001326801.json", .ok(try SharedData.fixture("mirror/CIK0001326801.sync2.json")))
            try await prepare(mirror)
            let context = try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now)
            return try await Checker(context: context).check(
                "Meta", since: try #require(Day(since)), until: Day(until), claims: [.layoffs, .departures])
        }
    }

    func verdicts(_ result: CheckResult) -> [Claim: VerdictKind] {
        Dictionary(uniqueKeysWithValues: result.claims.map { ($0.claim, $0.verdict) })
    }

    @Test func anItem205InTheWindowConfirmsLayoffsAndAPayOnlyItem502IsNoDeparture() async throws {
        let result = try await check("2025-11-17", "2025-11-21")
        #expect(result.cik == 1326801)
        #expect(verdicts(result) == [.layoffs: .confirmed, .departures: .noRecord])
        let layoffs = try #require(result.claims.first)
        #expect(layoffs.evidence.first?.sourceRef == "0001628280-25-061001")
        #expect(layoffs.evidence.first?.strength == .documentText)
        // The workbook ends on 2025-10-03: WARN says honestly that it does not reach this window.
        let warn = try #require(layoffs.coverage.first { $0.source == .caWarn })
        #expect(!warn.covered)
        #expect(warn.note.contains("does not reach this window"))
    }

    @Test func aWarnNoticeConfirmsLayoffsWhileDeparturesHaveNoRecord() async throws {
        let result = try await check("2025-09-01", "2025-09-30")
        #expect(verdicts(result) == [.layoffs: .confirmed, .departures: .noRecord])
        let evidence = try #require(result.claims.first?.evidence)
        #expect(evidence.map(\.source) == [.caWarn])
        #expect(evidence.first?.employees == 165)
        let departures = try #require(result.claims.last)
        #expect(departures.coverage.map(\.source) == [.sec8k])
        #expect(departures.coverage.first?.scope.contains("not researchers or team leads") == true)
    }

    @Test func aResignationReadFromTheFilingConfirmsDepartures() async throws {
        let result = try await check("2025-11-10", "2025-11-16")
        #expect(verdicts(result)[.departures] == .confirmed)
        #expect(result.claims.last?.evidence.first?.summary.contains("Jane Roe") == true)
    }

    @Test func onlyAMediaReportIsIndirect() async throws {
        let result = try await check("2025-08-01", "2025-08-31")
        #expect(verdicts(result) == [.layoffs: .indirect, .departures: .noRecord])
        #expect(result.claims.first?.evidence.map(\.source) == [.euErm])
    }

    @Test func nothingWithFullCoverageIsNoRecordNeverRefuted() async throws {
        let result = try await check("2025-07-01", "2025-07-31")
        #expect(verdicts(result) == [.layoffs: .noRecord, .departures: .noRecord])
        #expect(result.claims.allSatisfy { claim in claim.coverage.allSatisfy { $0.covered } })
        #expect(CheckReport.text(result).contains("this does not refute it"))
    }

    @Test func aFeedThatFailsForTheWindowIsNotCovered() async throws {
        let result = try await check("2025-07-01", "2025-07-31") { mirror in
            await mirror.server.route(NoticeMirror.exportPath, .status(500))
        }
        #expect(verdicts(result) == [.layoffs: .notCovered, .departures: .noRecord])
        let erm = try #require(result.claims.first?.coverage.first { $0.source == .euErm })
        #expect(!erm.covered)
        #expect(erm.note.contains("could not read Eurofound"))
        let json = try CheckReport.json(result)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["company", "cik", "since", "until", "claims"])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.first?["verdict"] as? String == "not-covered")
        let coverage = try #require(claims.first?["coverage"] as? [[String: Any]])
        #expect(Set(coverage.first?.keys ?? [:].keys) == ["source", "covered", "from", "until", "note", "scope"])
    }

    /// A context over `store` whose every fetch is a test failure: offline means no request at all.
    func offlineContext(_ store: Store) throws -> FilingsContext {
        try .offline(store, now: TestClock("2025-11-26T12:00:00Z").now, fetchIsAFailure: true)
    }

    @Test func offlineAfterAnOnlineCheckGivesTheSameVerdictsFromTheStore() async throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let online = try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            try await NoticeMirror.start(on: mirror)
            await server.route("/submissions/CIK0001326801.json", .ok(try SharedData.fixture("mirror/CIK0001326801.sync2.json")))
            let context = try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now, store: store)
            return try await Checker(context: context).check("Meta", since: try #require(Day("2025-11-10")), until: Day("2025-11-21"), claims: [.layoffs, .departures])
        }
        let listed = try #require(try store.ledgerEntry(feed: "sec-edgar", unit: .submissions(cik: 1326801)))
        #expect(listed.coversUntil == "2025-11-25")
        #expect(try #require(listed.coversFrom) <= "2025-11-10")

        let offline = try await Checker(context: try offlineContext(store)).check(
            "Meta", since: try #require(Day("2025-11-10")), until: Day("2025-11-21"), claims: [.layoffs, .departures], offline: true)
        #expect(verdicts(offline) == verdicts(online))
        #expect(verdicts(offline) == [.layoffs: .confirmed, .departures: .confirmed])
        #expect(offline.claims.map { $0.evidence.map(\.sourceRef) } == online.claims.map { $0.evidence.map(\.sourceRef) })
        let sec = try #require(offline.claims.first?.coverage.first { $0.source == .sec8k })
        #expect(sec.covered)
        #expect(sec.note.contains("offline"))
        // The stored list ends on the day it was read: a window past it is not covered offline.
        let later = try await Checker(context: try offlineContext(store)).check(
            "Meta", since: try #require(Day("2025-11-20")), until: Day("2025-11-26"), claims: [.departures], offline: true)
        let laterSEC = try #require(later.claims.first?.coverage.first { $0.source == .sec8k })
        #expect(!laterSEC.covered)
        #expect(laterSEC.note.contains("does not reach this window"))
    }

    @Test func offlineAFilingThatCouldNotBeReadLeavesTheWindowNotCoveredAsOnline() async throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let online = try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            try await NoticeMirror.start(on: mirror)
            await server.route("/submissions/CIK0001326801.json", .ok(try SharedData.fixture("mirror/CIK0001326801.sync2.json")))
            await server.route(EDGARMirror.filingTextPath("0001628280-25-061001"), .status(404))
            let context = try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now, store: store)
            return try await Checker(context: context).check("Meta", since: try #require(Day("2025-11-17")), until: Day("2025-11-21"), claims: [.layoffs])
        }
        let offline = try await Checker(context: try offlineContext(store)).check(
            "Meta", since: try #require(Day("2025-11-17")), until: Day("2025-11-21"), claims: [.layoffs], offline: true)
        let onlineSEC = try #require(online.claims.first?.coverage.first { $0.source == .sec8k })
        let offlineSEC = try #require(offline.claims.first?.coverage.first { $0.source == .sec8k })
        #expect(!onlineSEC.covered)
        #expect(!offlineSEC.covered)
        #expect(offlineSEC.note.contains("1 not read yet"), "\(offlineSEC.note)")
    }

    @Test func aHistoryPageEDGARDoesNotServeLeavesAnOlderWindowNotCovered() async throws {
        // Meta's recent list starts in 2023; 2014 needs the history page.
        let missing = try await check("2014-01-01", "2014-12-31") { mirror in
            await mirror.server.route("/submissions/CIK0001326801-submissions-001.json", .status(404))
        }
        let sec = try #require(missing.claims.first?.coverage.first { $0.source == .sec8k })
        #expect(!sec.covered)
        #expect(sec.note.contains("does not reach back to 2014-01-01"), "\(sec.note)")
        #expect(verdicts(missing)[.departures] == .notCovered)
        let served = try await check("2014-01-01", "2014-12-31")
        let full = try #require(served.claims.first?.coverage.first { $0.source == .sec8k })
        #expect(full.covered)
        #expect(full.from == "1994-01-01")
        #expect(verdicts(served)[.departures] == .noRecord)
    }

    @Test func offlineOnAnEmptyDatabaseFetchesNothingAndCoversNothing() async throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let result = try await Checker(context: try offlineContext(store)).check(
            "1326801", since: try #require(Day("2025-05-16")), until: Day("2025-07-31"), claims: [.layoffs, .departures], offline: true)
        #expect(verdicts(result) == [.layoffs: .notCovered, .departures: .notCovered])
        let coverage = result.claims.flatMap(\.coverage)
        #expect(!coverage.isEmpty)
        #expect(coverage.allSatisfy { !$0.covered }, "\(coverage.map(\.note))")
        // A feed that would have been fetched says offline; a state feed never read or that publishes
        // nothing says that instead, since going online would not be the whole answer.
        let readBefore: Set<Source> = [.sec8k, .caWarn, .euErm]
        let fetchable = coverage.filter { readBefore.contains($0.source) }
        #expect(Set(fetchable.map(\.source)) == readBefore)
        #expect(fetchable.allSatisfy { $0.note.contains("offline") }, "\(fetchable.map(\.note))")
        let states = coverage.filter { !readBefore.contains($0.source) }
        #expect(states.count >= 44)
        #expect(states.allSatisfy { $0.note.hasPrefix("never read") || $0.note.hasPrefix("does not publish") }, "\(states.map(\.note))")
        await #expect(throws: WatchError.self) {
            try await Checker(context: try offlineContext(store)).check(
                "Meta", since: try #require(Day("2025-05-16")), until: Day("2025-07-31"), claims: [.layoffs], offline: true)
        }
    }

    @Test func backfilledQuartersAndDailyIndexesCoverAWindowOfferingOnlyWhatTheyKnow() async throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let context = try offlineContext(store)
        let index = try SharedData.fixture("backfill/master.2025QTR1.idx")
        _ = try IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: .currentReports).run(
            try IndexByteSource(data: index, name: "q1"), recordSource: "q1",
            ledger: { parsed, _ in
                LedgerEntry(feed: "sec-edgar", unit: .isoQuarter("2025Q1"), status: .ok, url: "q1", rows: parsed.rowsKept,
                            coversFrom: "2025-01-01", coversUntil: "2025-03-31", forms: .currentReports)
            })
        let (cik, itemized) = try #require(try await store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT cik, count(*) AS n FROM filing WHERE form = '8-K' GROUP BY cik ORDER BY n DESC LIMIT 1")
                .map { ($0["cik"] as Int64, $0["n"] as Int) }
        })
        #expect(itemized > 0)
        let result = try await Checker(context: context).check(
            String(cik), since: try #require(Day("2025-01-01")), until: Day("2025-03-31"), claims: [.layoffs], offline: true)
        let sec = try #require(result.claims.first?.coverage.first { $0.source == .sec8k })
        // Every 8-K of the quarter is known, but an index row has no item codes: not covered, and it says why.
        #expect(!sec.covered)
        #expect(sec.note.contains("without item codes"), "\(sec.note)")
    }
}
