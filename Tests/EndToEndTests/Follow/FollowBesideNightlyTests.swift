import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// The nightly cron job started while `filings follow` writes a batch: it waits for the batch instead of
/// failing the night, then runs as usual and mails nothing `follow` delivered.
@Suite(.serialized) struct FollowBesideNightlyTests {
    @Test func theNightlyJobWaitsForFollowsBatchAndMailsNothingTwice() async throws {
        try await LoopbackServer.serving { server in
            guard let machine = try await NightlyBinaryTests.Machine.start(on: server), let binary = BinaryRunner.executable else { return }
            let feed = try FollowBinaryTests.feed(machine.sandbox)
            let layoff = FeedPages.metaLayoff.accession
            await server.route(try FeedPages.target(feed: feed, start: 0), .ok(FeedPages.page([FeedPages.metaLayoff] + FeedPages.fillers(2))))
            let text = EDGARMirror.filingTextPath(layoff)
            await server.route(text, LoopbackServer.Reply.ok(try SharedData.fixture("mirror/\(layoff).txt")).delayed(by: .seconds(3)))
            let follow = try ProcessRunner.start(
                binary.path,
                ["follow", "--bench-interval", "0.2", "--max-polls", "1", "--send", machine.appendingMailer, "--to", "jane@example.com"],
                environment: machine.environment, directory: machine.directory)
            #expect(await FollowBinaryTests.eventually { await !server.requests(to: text).isEmpty })
            // follow holds the writer lock now, in the middle of its batch.
            let night = try await FaultBench.offPool { try machine.night() }
            let followed = try await FaultBench.finish(follow)
            #expect(followed.status == 0, "\(followed.stderr)")
            #expect(night.status == 0, "\(night.stderr)")
            #expect(try machine.log().contains { $0.contains("waited for filings follow (PID \(follow.pid)) to finish its batch") })
            // One message: follow's, with the layoff; the night had nothing new to mail.
            let messages = try machine.messages()
            #expect(messages.count == 1)
            #expect(messages.first?.contains("Meta Platforms") == true)
            #expect(try await !machine.sandbox.pending().contains(layoff))
        }
    }
}
