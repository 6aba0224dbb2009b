import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// `cron/filings-follow.service` as systemd reads and runs it (no systemd runs here: its parser checks
/// the file, and its ExecStart line runs as systemd would hand it to the shell).
@Suite(.serialized) struct FollowUnitTests {
    static let unit = SharedData.packageRoot.appendingPathComponent("cron/filings-follow.service")

    @Test func systemdFindsNothingWrongInTheUnit() throws {
        guard ProcessRunner.isAvailable("systemd-analyze") else { return }
        let result = try ProcessRunner.run(
            "systemd-analyze", ["verify", "--man=no", Self.unit.path], environment: ProcessInfo.processInfo.environment,
            directory: try temporaryDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// The shell command of the unit's `ExecStart=/bin/sh -c '…'`, with systemd's `$$` escape undone.
    static func execStartCommand() throws -> String {
        let text = try String(contentsOf: unit, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let value = line.dropFirst("ExecStart=".count)
        let prefix = "/bin/sh -c '"
        try #require(value.hasPrefix(prefix) && value.hasSuffix("'"), "ExecStart is no longer /bin/sh -c '…': \(value)")
        return value.dropFirst(prefix.count).dropLast().replacingOccurrences(of: "$$", with: "$")
    }

    /// The processes whose parent is `pid`, from /proc.
    static func children(of pid: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let child = Int32(entry),
                  let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat").map({ String(decoding: $0, as: UTF8.self) }),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            // pid (comm) state ppid …: the command name may hold spaces, so count from its closing parenthesis.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == pid ? child : nil
        }
    }

    @Test func theExecStartLineRunsFollowUnderItsOwnPIDMailsWithTheEnvironmentFileAndStopsCleanly() async throws {
        try await LoopbackServer.serving { server in
            guard let binary = BinaryRunner.executable else { return }
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            let feed = try FollowBinaryTests.feed(sandbox)
            let first = try FeedPages.target(feed: feed, start: 0)
            await server.route(first, .ok(FeedPages.page([FeedPages.metaLayoff] + FeedPages.fillers(3))))
            let mails = sandbox.directory.appendingPathComponent("mails")
            // What cron/filings.env.example sets, as the unit's EnvironmentFile would.
            var environment = sandbox.environment
            environment["FILINGS_BIN"] = binary.path
            environment["FILINGS_MAILER"] = "cat >> '\(mails.path)'"
            environment["FILINGS_TO"] = "jane@example.com"
            let running = try ProcessRunner.start("/bin/sh", ["-c", try Self.execStartCommand()], environment: environment, directory: sandbox.directory)
            #expect(await FollowBinaryTests.eventually { FollowBinaryTests.subjects(mails) >= 1 })
            // `exec` kept the PID: systemd's SIGTERM reaches filings itself, not a shell in front of it.
            let commandLine = try String(contentsOfFile: "/proc/\(running.pid)/cmdline", encoding: .utf8).split(separator: "\0")
            let execKept = commandLine.first.map(String.init) == binary.path
            #expect(execKept, "\(commandLine)")
            #expect(commandLine.contains("follow"))
            // Were `exec` lost, a shell would stand in front of filings: stop it as well, so the test fails instead of hanging.
            let orphans = execKept ? [] : Self.children(of: running.pid)
            kill(running.pid, SIGTERM)
            for orphan in orphans { kill(orphan, SIGTERM) }
            let result = try await FaultBench.finish(running)
            #expect(result.status == 0, "\(result.stderr)")
            let mail = try String(contentsOf: mails, encoding: .utf8)
            #expect(FollowBinaryTests.subjects(mails) == 1)
            #expect(mail.contains("To: jane@example.com") && mail.contains("Meta Platforms"))
        }
    }
}
