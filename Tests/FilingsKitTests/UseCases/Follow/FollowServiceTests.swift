import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// Collects what the service says.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var all: [String] { lock.withLock { stored } }
    func append(_ line: String) { lock.withLock { stored.append(line) } }
}

@Suite(.serialized) struct FollowServiceTests {
    /// The service over a follower, on the harness's clock; pauses move the clock; it stops after `polls` batches.
    func run(_ harness: FollowHarness, mail: MailBox, verbose: Bool, polls: Int, hours: EDGARHours = EDGARHours(interval: 60)) async throws
        -> (log: [String], pauses: [Double])
    {
        let log = Lines()
        let follower = try harness.follower(mail)
        let clock = harness.clock
        let service = FollowService(
            follower: follower, hours: hours, now: clock.now, log: log.append, output: { _ in }, verbose: verbose,
            pause: { clock.sleep(.seconds($0)) }, stopping: { false }, maxPolls: polls)
        #expect(await service.run() == polls)
        return (log.all, clock.sleeps)
    }

    @Test func quietUnlessVerboseAndErrorsSayWhenTheyRetry() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            let quiet = try await run(harness, mail: MailBox(), verbose: false, polls: 1)
            // The first start is said once; nothing else while all is well.
            #expect(quiet.log.count == 1 && quiet.log[0].hasPrefix("follow: first start"))
            let verbose = try await run(harness, mail: MailBox(), verbose: true, polls: 2)
            #expect(verbose.log.count == 2)
            #expect(verbose.log.allSatisfy { $0.contains("feed unchanged") && $0.hasSuffix("next poll in 60 s") })
            // In EDGAR's hours, polls start an interval apart.
            #expect(verbose.pauses.last == 60)

            await server.route(try FeedPages.target(feed: harness.feed, start: 0), .status(503))
            let failing = try await run(harness, mail: MailBox(), verbose: false, polls: 1)
            #expect(failing.log.count == 1)
            #expect(failing.log[0].contains("HTTP 503") && failing.log[0].hasSuffix("retrying in 60 s"))
        }
    }

    @Test func outsideEDGARsHoursItPollsEveryTenMinutes() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            harness.clock.advance(by: 4 * 3600)  // 21:20 -> 01:20 UTC: 20:20 New York time, still open
            harness.clock.advance(by: 2 * 3600)  // 22:20 New York time: closed
            let night = try await run(harness, mail: MailBox(), verbose: false, polls: 3)
            #expect(Array(night.pauses.suffix(2)) == [600, 600])
        }
    }
}
