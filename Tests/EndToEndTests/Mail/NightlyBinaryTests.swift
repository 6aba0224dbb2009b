import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// `cron/filings-nightly` driving the real `filings` binary, night after night, against the loopback
/// EDGAR mirror, with a mailer that appends each message to a mailbox file.
///
/// The binary runs on the real clock, so a plain `sync` (as cron runs it) fetches the last week's
/// daily indexes: the mirror serves one, on the last weekday before today, listing two 8-Ks of Meta.
/// What EDGAR knows of their items (Meta's submissions JSON) changes between nights as the test says.
@Suite(.serialized) struct NightlyBinaryTests {
    static let script = SharedData.packageRoot.appendingPathComponent("cron/filings-nightly").path
    static let separator = "\n=== end of message ===\n"

    /// One machine with a crontab: a database watching Meta, a state directory, a mailbox.
    struct Machine {
        let sandbox: DigestSandbox
        let directory: URL
        var environment: [String: String]

        var mailbox: URL { directory.appendingPathComponent("mailbox") }
        var logURL: URL { directory.appendingPathComponent("state/filings/nightly.log") }
        /// The database's writer lock, the one `filings` takes and the script holds for its run.
        var lockPath: String { sandbox.database.path + ".lock" }
        /// Appends the message on stdin, then a separator line, to the mailbox.
        var appendingMailer: String {
            "{ cat; printf '\(NightlyBinaryTests.separator.replacingOccurrences(of: "\n", with: "\\n"))'; } >> '\(mailbox.path)'"
                + "; [ -e /proc/self/fd/9 ] && echo 'the lock reached the mailer' >&2; true"
        }

        static func start(on server: LoopbackServer) async throws -> Machine? {
            guard let binary = BinaryRunner.executable else {
                print(
                    "note: the built filings binary was not found next to the tests; the nightly binary tests are skipped"
                )
                return nil
            }
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            try await routeLastWeekdayIndex(on: server)
            await server.route(
                "/submissions/CIK0001326801.json", .ok(try SharedData.fixture("mirror/CIK0001326801.sync1.json")))
            var environment = sandbox.environment
            environment["FILINGS_BIN"] = binary.path
            environment["XDG_STATE_HOME"] = sandbox.directory.appendingPathComponent("state").path
            environment["FILINGS_TO"] = "Jane Doe <jane@example.com>"
            environment["FILINGS_FROM"] = "filings@example.org"
            var machine = Machine(sandbox: sandbox, directory: sandbox.directory, environment: environment)
            machine.environment["FILINGS_MAILER"] = machine.appendingMailer
            return machine
        }

        /// Cron starts the script.
        func startNight() throws -> ProcessRunner.Running {
            try ProcessRunner.start("bash", [NightlyBinaryTests.script], environment: environment, directory: directory)
        }

        func night() throws -> ProcessRunner.Result { try startNight().finish() }

        /// The messages in the mailbox, oldest first.
        func messages() throws -> [String] {
            guard FileManager.default.fileExists(atPath: mailbox.path) else { return [] }
            let text = try String(contentsOf: mailbox, encoding: .utf8)
            return text.components(separatedBy: NightlyBinaryTests.separator).filter { !$0.isEmpty }
        }

        func log() throws -> [String] {
            try String(contentsOf: logURL, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }

    /// Serves a daily index listing Meta's 8-Ks of November 18 and 19 on the last weekday before today (US Eastern).
    static func routeLastWeekdayIndex(on server: LoopbackServer) async throws {
        var day = Day(Date(), in: .eastern).adding(days: -1)
        while day.isWeekend { day = day.adding(days: -1) }
        let index = """
            Description:           Daily Index of EDGAR Dissemination Feed
            Last Data Received:    \(day.iso)
            Comments:              webmaster@sec.gov
            Anonymous FTP:         ftp://ftp.sec.gov/edgar/
            \u{20}
            CIK|Company Name|Form Type|Date Filed|File Name
            --------------------------------------------------------------------------------
            1326801|Meta Platforms, Inc.|8-K|\(day.compact)|edgar/data/1326801/\(DigestSandbox.layoff).txt
            1326801|Meta Platforms, Inc.|8-K|\(day.compact)|edgar/data/1326801/\(DigestSandbox.payOnly502).txt

            """
        let path = "/Archives/edgar/daily-index/\(day.year)/QTR\(day.quarter)/master.\(day.compact).idx"
        await server.route(path, .ok(index, headers: ["ETag": "\"idx-\(day.compact)\""]))
    }

    /// Parses a message from the mailbox with Python's `email` package (nil without python3).
    static func parse(_ message: String, _ machine: Machine) throws -> MailParsedByPythonTests.Parsed? {
        try PythonMailReader.parse(message, in: machine.directory)
    }

    @Test func eachEventIsMailedOnceAndAFailedNightIsResentTheNextNight() async throws {
        try await LoopbackServer.serving { server in
            guard let machine = try await Machine.start(on: server) else { return }
            let layoffLink = DigestBinaryTests.link(machine.sandbox, DigestSandbox.layoff)
            let officerLink = DigestBinaryTests.link(machine.sandbox, DigestSandbox.payOnly502)

            // Night 1: the layoff is new; one message, and cron hears nothing.
            let first = try machine.night()
            #expect(first.status == 0 && first.stdout.isEmpty && first.stderr.isEmpty, "\(first.stderr)")
            try #require(try machine.messages().count == 1)
            if let mail = try Self.parse(try machine.messages()[0], machine) {
                #expect(mail.subject == "filings: 1 new event for Meta Platforms, Inc.")
                #expect(mail.to == [["Jane Doe", "jane@example.com"]] && mail.from == [["", "filings@example.org"]])
                #expect(mail.body.contains(layoffLink) && !mail.body.contains(officerLink))
            }
            #expect(try machine.log().contains { $0.hasSuffix(" digest: 1 event sent and marked delivered") })
            #expect(try !machine.log().contains { $0.contains("the lock reached the mailer") })

            // Night 2: nothing new, no message.
            let second = try machine.night()
            #expect(second.status == 0 && second.stderr.isEmpty, "\(second.stderr)")
            #expect(try machine.messages().count == 1)

            // Night 3: EDGAR now lists the items of the 8-K of the 19th, but the mailer fails.
            await server.route(
                "/submissions/CIK0001326801.json", .ok(try SharedData.fixture("mirror/CIK0001326801.sync2.json")))
            var failing = machine
            failing.environment["FILINGS_MAILER"] = "cat >/dev/null; exit 75"
            let third = try failing.night()
            #expect(third.status == 1)
            #expect(
                third.stderr.contains(
                    "filings-nightly: failed: digest (exit 1; its events stay undelivered for the next run)"),
                "\(third.stderr)")
            #expect(
                third.stderr.contains(
                    "digest: Error: the mail command `cat >/dev/null; exit 75` exited with status 75; nothing was marked delivered"
                ))
            #expect(try machine.messages().count == 1)

            // Night 4: the mailer works again; the officer change is sent, and only it.
            let fourth = try machine.night()
            #expect(fourth.status == 0 && fourth.stderr.isEmpty, "\(fourth.stderr)")
            let messages = try machine.messages()
            try #require(messages.count == 2)
            if let mail = try Self.parse(messages[1], machine) {
                #expect(mail.subject == "filings: 1 new event for Meta Platforms, Inc.")
                #expect(mail.body.contains(officerLink) && !mail.body.contains(layoffLink))
            }

            // Night 5: nothing new.
            let fifth = try machine.night()
            #expect(fifth.status == 0 && fifth.stderr.isEmpty, "\(fifth.stderr)")
            #expect(try machine.messages().count == 2)
            #expect(try machine.log().filter { $0.hasSuffix(" done") }.count == 4)
        }
    }

    @Test func twoRunsStartedTogetherOneWorksTheOtherExitsNamingTheLock() async throws {
        try await LoopbackServer.serving { server in
            guard var machine = try await Machine.start(on: server) else { return }
            // The mailer holds the winner inside its run (and so the lock) until the test releases it.
            let started = machine.directory.appendingPathComponent("mailer-started")
            let release = machine.directory.appendingPathComponent("release")
            machine.environment["FILINGS_MAILER"] =
                machine.appendingMailer
                + "; : > '\(started.path)'; for _ in $(seq 1 1200); do [ -e '\(release.path)' ] && break; sleep 0.05; done"

            let runs = [try machine.startNight(), try machine.startNight()]
            for _ in 0..<1200
            where !(FileManager.default.fileExists(atPath: started.path) && runs.contains { !$0.process.isRunning }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            _ = FileManager.default.createFile(atPath: release.path, contents: nil)
            let results = try runs.map { try $0.finish() }

            #expect(results.map(\.status).sorted() == [0, 75], "\(results.map(\.stderr))")
            guard let winner = results.firstIndex(where: { $0.status == 0 }) else { return }
            let loser = results[1 - winner]
            #expect(
                loser.stderr
                    == "filings-nightly: another run holds the lock \(machine.lockPath) (PID \(runs[winner].pid)); not starting a second one\n"
            )
            #expect(results[winner].stderr.isEmpty)
            #expect(try machine.messages().count == 1)
            let starts = try machine.log().filter { $0.contains(" start (PID ") }
            #expect(starts.count == 1 && starts.first?.contains("start (PID \(runs[winner].pid))") == true)
        }
    }
}
