import Foundation
import Testing

@testable import FilingsKit

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
}
