import Foundation
import Testing

@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

extension FaultSuite {
    /// The SEC ban outlives the process that met the rate limit: another store handle on the same file (as the
    /// next cron run opens it) makes no SEC request for 10 minutes, says when the ban ends, then resumes.
    @Suite struct SECBanAcrossProcessesTests {
        @Test("after a 429, a second process asks SEC nothing until the stored ban ends, and says when that is")
        func banIsStoredAndHonoured() async throws {
            try await LoopbackServer.serving { server in
                let mirror = try await EDGARMirror.start(on: server)
                await server.route(FaultBench.faultPath, .status(429))
                let path = try temporaryDirectory().appendingPathComponent("filings.sqlite").path
                let clock = TestClock("2025-11-20T17:00:00Z")
                let first = try FaultBench.context(mirror, clock: clock, store: try Store(path: path))
                let limited = await EDGARSync(context: first, feed: try first.edgarFeed()).run(since: Day("2025-11-18"), until: Day("2025-11-19"))
                #expect(limited.failed)
                let until = clock.now().addingTimeInterval(HTTPClient.banDuration)
                await server.route(FaultBench.faultPath, .ok(try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx")))

                // The next process: its own store handle, its own HTTP client, the same database file.
                let asked = await server.requests.count
                clock.advance(by: HTTPClient.banDuration - 1)
                let second = try FaultBench.context(mirror, clock: clock, store: try Store(path: path))
                let banned = await EDGARSync(context: second, feed: try second.edgarFeed()).run(until: Day("2025-11-19"))
                #expect(await server.requests.count == asked)
                let message = "SEC rate limit in force; no SEC requests until \(HTTPError.clockTime(until)). Try again then."
                #expect(banned.failures.contains { $0.hasSuffix(message) }, "\(banned.failures)")
                #expect(SyncSummary.text([banned]).contains(message))

                clock.advance(by: 2)
                let third = try FaultBench.context(mirror, clock: clock, store: try Store(path: path))
                let resumed = await EDGARSync(context: third, feed: try third.edgarFeed()).run(until: Day("2025-11-19"))
                #expect(resumed.failures == [], "\(resumed.failures)")
                #expect(resumed.fetched == ["2025-11-18", "2025-11-19"])
                #expect(await server.requests.count > asked)
            }
        }
    }
}
