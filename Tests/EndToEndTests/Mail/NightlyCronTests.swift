import Foundation
import Testing
@testable import FilingsTestSupport

/// Runs `cron/filings-nightly` with a stand-in for `filings`: the subject here is the script's
/// configuration checks, locking, logging and exit status, not the commands it calls.
@Suite struct NightlyCronTests {
    static let script = SharedData.packageRoot.appendingPathComponent("cron/filings-nightly").path

    /// Records each call (one line, arguments separated by `|`) and behaves as `FAKE_*` says.
    static let fakeFilings = """
        #!/usr/bin/env bash
        (IFS='|'; printf '%s\\n' "$*") >>"$FAKE_CALLS"
        printf 'env UA=%s DB=%s\\n' "$FILINGS_USER_AGENT" "${FILINGS_DB:-}" >>"$FAKE_CALLS"
        case "$1" in
        sync)
            echo "fetched 3 feeds"
            echo "feed ca-warn failed: HTTP 503" >&2
            [ -n "${FAKE_STARTED:-}" ] && : >"$FAKE_STARTED"
            if [ -n "${FAKE_RELEASE:-}" ]; then
                for _ in $(seq 1 600); do [ -e "$FAKE_RELEASE" ] && break; sleep 0.05; done
            fi
            exit "${FAKE_SYNC_EXIT:-0}" ;;
        digest)
            echo "mailed 2 events"
            # The script hands its lock (the database's) to filings on descriptor 9.
            [ "${FILINGS_LOCK_FD:-}" = 9 ] && [ -e /proc/self/fd/9 ] || echo "the lock was not handed to filings" >&2
            exit "${FAKE_DIGEST_EXIT:-0}" ;;
        esac
        exit 64
        """

    struct Sandbox {
        let dir: URL
        var environment: [String: String]

        var calls: [String] {
            let text = (try? String(contentsOf: dir.appendingPathComponent("calls"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init)
        }
        var commandCalls: [String] { calls.filter { !$0.hasPrefix("env ") } }
        var logURL: URL { dir.appendingPathComponent("state/filings/nightly.log") }
        /// The database's writer lock, which `filings` itself takes: the default database under HOME.
        var lockPath: String { dir.appendingPathComponent(".local/share/filings/filings.sqlite.lock").path }

        init() throws {
            dir = try temporaryDirectory()
            let fake = dir.appendingPathComponent("fake-filings")
            try Data(NightlyCronTests.fakeFilings.utf8).write(to: fake)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
            environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOME": dir.path,
                "XDG_STATE_HOME": dir.appendingPathComponent("state").path,
                "FILINGS_BIN": fake.path,
                "FILINGS_USER_AGENT": "Test Runner test@example.com",
                "FILINGS_TO": "jane@example.com, b@example.org",
                "FAKE_CALLS": dir.appendingPathComponent("calls").path,
            ]
        }

        func start() throws -> ProcessRunner.Running {
            try ProcessRunner.start("bash", [NightlyCronTests.script], environment: environment, directory: dir)
        }

        func run() throws -> ProcessRunner.Result { try start().finish() }
    }

    @Test func aGoodRunIsQuietAndLogsWithTimestamps() throws {
        var sandbox = try Sandbox()
        sandbox.environment["FILINGS_FROM"] = "filings@example.org"
        sandbox.environment["FILINGS_DB"] = sandbox.dir.appendingPathComponent("f.sqlite").path
        let result = try sandbox.run()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)  // cron mails only when there is output
        #expect(sandbox.commandCalls == [
            "sync",
            "digest|--format|mail|--to|jane@example.com, b@example.org|--send|/usr/sbin/sendmail -t -oi|--from|filings@example.org",
        ])
        #expect(sandbox.calls.contains("env UA=Test Runner test@example.com DB=\(sandbox.dir.path)/f.sqlite"))
        let log = try String(contentsOf: sandbox.logURL, encoding: .utf8).split(separator: "\n")
        #expect(log.allSatisfy { $0.prefixMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}[ ]/) != nil }, "\(log)")
        #expect(log.contains { $0.hasSuffix(" sync: fetched 3 feeds") })
        #expect(log.contains { $0.hasSuffix(" sync: feed ca-warn failed: HTTP 503") })
        #expect(log.contains { $0.hasSuffix(" digest: mailed 2 events") })
        #expect(log.last?.hasSuffix(" done") == true)
        #expect(!log.contains { $0.contains("not handed") }, "filings takes the script's lock, not a second one")
    }

    @Test(arguments: [nil, ""] as [String?])
    func refusesToRunWithoutAUserAgent(value: String?) throws {
        var sandbox = try Sandbox()
        sandbox.environment["FILINGS_USER_AGENT"] = value
        let result = try sandbox.run()
        #expect(result.status == 2)
        #expect(result.stderr.contains("FILINGS_USER_AGENT is not set"))
        #expect(sandbox.calls.isEmpty)
    }

    @Test func refusesToRunWithoutARecipient() throws {
        var sandbox = try Sandbox()
        sandbox.environment["FILINGS_TO"] = nil
        let result = try sandbox.run()
        #expect(result.status == 2 && result.stderr.contains("FILINGS_TO is not set"))
        #expect(sandbox.calls.isEmpty)
    }

    @Test func aMissingExecutableIsNamed() throws {
        var sandbox = try Sandbox()
        sandbox.environment["FILINGS_BIN"] = sandbox.dir.appendingPathComponent("no-such-filings").path
        let result = try sandbox.run()
        #expect(result.status == 2 && result.stderr.contains("no-such-filings"))
    }

    @Test func aFailedSyncStillSendsTheDigestThenFails() throws {
        var sandbox = try Sandbox()
        sandbox.environment["FAKE_SYNC_EXIT"] = "1"
        sandbox.environment["FILINGS_MAILER"] = "cat"
        let result = try sandbox.run()
        #expect(result.status == 1)
        #expect(sandbox.commandCalls == ["sync", "digest|--format|mail|--to|jane@example.com, b@example.org|--send|cat"])
        #expect(result.stderr.contains("failed: sync (exit 1"))
        #expect(!result.stderr.contains("digest (exit"))
        #expect(result.stderr.contains("sync: feed ca-warn failed: HTTP 503"))  // the run's log, for cron's mail
    }

    @Test func aFailedDigestFails() throws {
        var sandbox = try Sandbox()
        sandbox.environment["FAKE_DIGEST_EXIT"] = "3"
        let result = try sandbox.run()
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed: digest (exit 3"))
        #expect(!result.stderr.contains("sync (exit"))
    }

    @Test func aSecondRunExitsAtOnceNamingTheLockAndItsHolder() async throws {
        var sandbox = try Sandbox()
        let started = sandbox.dir.appendingPathComponent("started")
        let release = sandbox.dir.appendingPathComponent("release")
        sandbox.environment["FAKE_STARTED"] = started.path
        sandbox.environment["FAKE_RELEASE"] = release.path
        let first = try sandbox.start()
        // Wait (bounded) until the first run is inside `sync`, holding the lock.
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: started.path) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(FileManager.default.fileExists(atPath: started.path), "the first run never reached sync")

        let second = try sandbox.run()
        #expect(second.status == 75)
        #expect(second.stderr.contains("another run holds the lock \(sandbox.lockPath) (PID \(first.pid))"), "\(second.stderr)")
        #expect(sandbox.commandCalls == ["sync"])  // the second run called nothing

        _ = FileManager.default.createFile(atPath: release.path, contents: nil)
        let firstResult = try first.finish()
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        #expect(sandbox.commandCalls.count == 2)

        // The lock goes with the process: the next run starts normally.
        let third = try sandbox.run()
        #expect(third.status == 0, "\(third.stderr)")
        #expect(sandbox.commandCalls.count == 4)
    }
}
