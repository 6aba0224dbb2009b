import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// `filings follow` as a service runs it: the built binary against a loopback feed that gains an entry,
/// stopped by a signal, with the nightly `sync` and `digest` beside it.
@Suite(.serialized) struct FollowBinaryTests {
    static let layoff = FeedPages.metaLayoff.accession

    /// The feed as the sandbox's feed files name it.
    static func feed(_ sandbox: DigestSandbox) throws -> FeedDefinition {
        try FeedCatalog(directory: sandbox.mirror.feedsDirectory.path).feed(kind: .secEdgar) ?? { throw CocoaError(.fileNoSuchFile) }()
    }

    /// Waits (at most `limit` seconds, checking every 50 ms) until `condition` holds; false when it never did.
    static func eventually(_ limit: Double = 60, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let end = Date().addingTimeInterval(limit)
        while Date() < end {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    /// Starts `filings follow` in the background, mailing into `mails` (a file, one message after another).
    static func start(_ sandbox: DigestSandbox, mails: URL, _ extra: [String] = []) throws -> ProcessRunner.Running {
        guard let executable = BinaryRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        return try ProcessRunner.start(
            executable.path,
            ["follow", "--bench-interval", "0.2", "--send", "cat >> '\(mails.path)'", "--to", "jane@example.com", "--verbose"] + extra,
            environment: sandbox.environment, directory: sandbox.directory)
    }

    static func subjects(_ mails: URL) -> Int {
        ((try? String(contentsOf: mails, encoding: .utf8)) ?? "").components(separatedBy: "Message-ID: <").count - 1
    }

    @Test func aNewEntryForAWatchedCompanyIsMailedOnceAndTheNightlyJobDoesNotMailItAgain() async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            let feed = try Self.feed(sandbox)
            let first = try FeedPages.target(feed: feed, start: 0)
            await server.route(first, .ok(FeedPages.page(FeedPages.fillers(3)), headers: ["ETag": "\"p1\""]))
            let mails = sandbox.directory.appendingPathComponent("mails")
            let running = try Self.start(sandbox, mails: mails)
            #expect(await Self.eventually { await server.requests(to: first).count >= 2 })
            await server.route(first, .ok(FeedPages.page([FeedPages.metaLayoff] + FeedPages.fillers(3)), headers: ["ETag": "\"p2\""]))
            #expect(await Self.eventually { Self.subjects(mails) >= 1 })
            let seen = await server.requests(to: first).count
            #expect(await Self.eventually { await server.requests(to: first).count >= seen + 3 })
            kill(running.pid, SIGINT)
            let result = try await FaultBench.finish(running)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.subjects(mails) == 1, "\(result.stderr) \((try? String(contentsOf: mails, encoding: .utf8)) ?? "no mail")")
            let mail = try String(contentsOf: mails, encoding: .utf8)
            #expect(mail.contains("Meta Platforms") && mail.contains("To: jane@example.com"))
            // One line per interval with --verbose; later polls were conditional.
            #expect(result.stderr.contains("1 new entry") && result.stderr.contains("1 delivered"))
            #expect(result.stderr.contains("feed unchanged"))
            #expect(await server.requests(to: first).last?.header("If-None-Match") == "\"p2\"")

            // The nightly job: sync reads the daily indexes, digest mails what is pending; the layoff is not among it.
            try await sandbox.sync()
            #expect(try await !sandbox.pending().contains(Self.layoff))
            let events = try await sandbox.filings.run(["events", "Meta", "--json"])
            let layoffs = try JSONDecoder().decode([EventJSON].self, from: Data(events.stdout.utf8)).filter { $0.sourceRef == Self.layoff }
            #expect(layoffs.count == 1)
            #expect(layoffs.first?.strength == .documentText)
        }
    }

    @Test func sigtermMidBatchFinishesTheBatchAndExitsZero() async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            let feed = try Self.feed(sandbox)
            let first = try FeedPages.target(feed: feed, start: 0)
            await server.route(first, .ok(FeedPages.page([FeedPages.metaLayoff] + FeedPages.fillers(3))))
            let text = EDGARMirror.filingTextPath(Self.layoff)
            await server.route(text, LoopbackServer.Reply.ok(try SharedData.fixture("mirror/\(Self.layoff).txt")).delayed(by: .seconds(2)))
            let mails = sandbox.directory.appendingPathComponent("mails")
            let running = try Self.start(sandbox, mails: mails)
            #expect(await Self.eventually { await !server.requests(to: text).isEmpty })
            kill(running.pid, SIGTERM)
            let result = try await FaultBench.finish(running)
            #expect(result.status == 0, "\(result.stderr)")
            // The batch in hand was finished: the filing read, its event mailed and marked; no batch after it.
            #expect(Self.subjects(mails) == 1, "\(result.stderr) \((try? String(contentsOf: mails, encoding: .utf8)) ?? "no mail")")
            #expect(await server.requests(to: first).count == 1)
            #expect(try await !sandbox.pending().contains(Self.layoff))

            // A restart resumes from the stored position: the entry is not handled again.
            let again = try await sandbox.filings.run(
                ["follow", "--bench-interval", "0.2", "--max-polls", "2", "--send", "cat >> '\(mails.path)'", "--to", "jane@example.com"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(Self.subjects(mails) == 1, "\(result.stderr) \((try? String(contentsOf: mails, encoding: .utf8)) ?? "no mail")")
            #expect(await server.requests(to: text).count == 1)
        }
    }

    @Test func usageErrors() async throws {
        let directory = try temporaryDirectory()
        let filings = BinaryRunner(environment: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path,
            "FILINGS_DB": directory.appendingPathComponent("f.sqlite").path,
            "FILINGS_FEEDS": SharedData.packageRoot.appendingPathComponent("Feeds").path, "FILINGS_USER_AGENT": EDGARMirror.userAgent,
        ])
        let short = try await filings.run(["follow", "--interval", "5", "--format", "json"])
        #expect(short.status == 64)
        #expect(short.stderr.contains("at most every 10 seconds"))
        let bench = try await filings.run(["follow", "--bench-interval", "1", "--format", "json"])
        #expect(bench.status == 64)
        #expect(bench.stderr.contains("https://www.sec.gov/cgi-bin/browse-edgar"))
        let noRecipient = try await filings.run(["follow", "--send", "cat"])
        #expect(noRecipient.status == 64)
        #expect(noRecipient.stderr.contains("--to"))
    }
}
