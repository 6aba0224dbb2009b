import Foundation
import Testing

@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsTestSupport

extension FaultSuite {
    /// The faults that are not retried, through the built `filings sync`: its lines, its exit status, the stored state,
    /// and, after a rate limit, a second process that makes no SEC request and says when the ban ends.
    @Suite(.serialized) struct SyncFaultCLITests {
        static let faults: [SyncFault] = [.tooManyRequests, .realRateLimitPage, .rateLimitPage, .rateLimitPageWith200, .accessDenied, .htmlWith200, .redirectLoop]
        let window = ["--since", "2025-11-17", "--until", "2025-11-19"]

        @Test("filings sync: one line per failed day, exit 1, nothing stored, the ban honoured by the next process, the gap filled once", arguments: faults)
        func binarySync(_ fault: SyncFault) async throws {
            try await LoopbackServer.serving { server in
                let mirror = try await EDGARMirror.start(on: server)
                guard let reply = try fault.reply(path: FaultBench.faultPath) else { return }
                await server.route(FaultBench.faultPath, reply)
                let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
                let filings = BinaryRunner(environment: FaultBench.environment(db: db, feeds: mirror.feedsDirectory))
                let source = server.url(FaultBench.faultPath).absoluteString

                let first = try await filings.run(["sync"] + window)
                #expect(first.stdout.isEmpty)
                if fault.ledgerStatus == .failed {
                    #expect(first.status == 1, "\(first.stderr)")
                    #expect(first.stderr.contains("sec-edgar: FAILED"))
                    #expect(first.stderr.contains("sec-edgar failed: 2025-11-18: "), "\(first.stderr)")
                    #expect(first.stderr.contains(fault.message), "\(first.stderr)")
                } else {
                    #expect(first.status == 0, "\(first.stderr)")
                    #expect(first.stderr.contains("sec-edgar: ok, 2 fetched, 1 without a file"), "\(first.stderr)")
                }
                let store = try Store(path: db.path)
                #expect(try FaultBench.filingCount(store, source: source) == 0)
                #expect(try store.ledgerEntry(feed: "sec-edgar", unit: .isoDay("2025-11-18"))?.status == fault.ledgerStatus)

                if fault.bans {
                    let until = try #require(try store.setting(Store.banKey).flatMap(Double.init).map { Date(timeIntervalSince1970: $0) })
                    let asked = await server.requests.count
                    let banned = try await filings.run(["sync", "--until", "2025-11-19"])
                    #expect(banned.status == 1)
                    #expect(banned.stderr.contains("SEC rate limit in force; no SEC requests until \(HTTPError.clockTime(until))"), "\(banned.stderr)")
                    #expect(await server.requests.count == asked, "a second process asked SEC during the ban")
                    // Ten minutes pass: the stored end of the ban moves into the past, as the clock would move it.
                    try store.setSetting(Store.banKey, String(Date().addingTimeInterval(-1).timeIntervalSince1970))
                }

                await server.route(FaultBench.faultPath, .ok(try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx")))
                let second = try await filings.run(["sync"] + (fault == .accessDenied ? window : ["--until", "2025-11-19"]))
                #expect(second.status == 0, "\(second.stderr)")
                #expect(try FaultBench.filingCount(store, source: source) == 2)  // the day's 8-K and its 8-K of META MATERIALS
                let third = try await filings.run(["sync", "--until", "2025-11-19"])
                #expect(third.status == 0)
                #expect(third.stderr.contains("0 fetched"), "\(third.stderr)")
                #expect(third.stderr.contains("0 new records"))
                #expect(try FaultBench.filingCount(store, source: source) == 2)
            }
        }
    }
}
