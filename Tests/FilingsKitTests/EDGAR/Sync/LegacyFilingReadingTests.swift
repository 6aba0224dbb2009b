import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// A pre-2004 8-K, listed by EDGAR with bare legacy item numbers, is fetched and read like a modern one.
@Suite(.serialized) struct LegacyFilingReadingTests {
    static let accession = "0000912057-01-512345"

    /// Meta's submissions list with one more row: a 2001 8-K whose items EDGAR gives as "5,9".
    func submissionsWithALegacyFiling() throws -> Data {
        let data = try SharedData.fixture("mirror/CIK0001326801.sync2.json")
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var filings = try #require(root["filings"] as? [String: Any])
        var recent = try #require(filings["recent"] as? [String: [Any]])
        let row: [String: Any] = [
            "accessionNumber": Self.accession, "filingDate": "2001-04-17", "reportDate": "2001-04-16",
            "acceptanceDateTime": "2001-04-17T16:05:12.000Z", "act": "34", "form": "8-K", "fileNumber": "000-21234",
            "filmNumber": "1603456", "items": "5,9", "core_type": "8-K", "size": 4_000, "isXBRL": 0, "isInlineXBRL": 0,
            "primaryDocument": "", "primaryDocDescription": "FORM 8-K",
        ]
        for key in recent.keys { recent[key, default: []].append(row[key] ?? "") }
        filings["recent"] = recent
        root["filings"] = filings
        return try JSONSerialization.data(withJSONObject: root)
    }

    @Test func aLegacyItem5ResignationAndItem9CutAreEvidenceForAnOldWindow() async throws {
        let result = try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            try await NoticeMirror.start(on: mirror)
            await server.route("/submissions/CIK0001326801.json", .ok(try submissionsWithALegacyFiling()))
            await server.route(EDGARMirror.filingTextPath(Self.accession), .ok(try SharedData.fixture("documents/people/legacy-item5-item9.txt")))
            let context = try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now)
            let result = try await Checker(context: context).check(
                "Meta", since: try #require(Day("2001-04-01")), until: Day("2001-04-30"), claims: [.layoffs, .departures])
            #expect(await server.requests(to: EDGARMirror.filingTextPath(Self.accession)).count == 1)
            return result
        }
        let verdicts = Dictionary(uniqueKeysWithValues: result.claims.map { ($0.claim, $0.verdict) })
        #expect(verdicts == [.layoffs: .confirmed, .departures: .confirmed])
        let departure = try #require(result.claims.last?.evidence.first { $0.kind == .departure })
        #expect(departure.strength == .documentText)
        #expect(departure.people?.map(\.name) == ["Walter J. Brennan"])
        #expect(departure.people?.first?.reason == .resignation)
        let layoff = try #require(result.claims.first?.evidence.first { $0.kind == .layoff })
        #expect(layoff.employees == 140)
    }
}
