import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// `filings digest` as a user runs it: the built binary over a database filled by `watch` and
/// `sync` against the loopback EDGAR mirror. Delivery state is read back through the binary.
@Suite(.serialized) struct DigestBinaryTests {
    static let jane = "jane@example.com"

    /// The link the digest gives for an 8-K of Meta's on the mirror.
    static func link(_ sandbox: DigestSandbox, _ accession: String) -> String {
        let digits = accession.filter(\.isNumber)
        return sandbox.mirror.server.baseURL.absoluteString
            + "/Archives/edgar/data/1326801/\(digits)/\(accession)-index.htm"
    }

    /// Files in `directory` whose names start with `prefix`, sorted.
    static func files(in directory: URL, prefix: String) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix(prefix) }.sorted { $0.path < $1.path }
    }

    @Test func nothingPendingPrintsNothingAndExitsZeroUnlessAlways() async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            // Meta's history raised events, but historical ones are never part of a digest.
            let events = try await sandbox.filings.run(["events", "Meta", "--json"])
            let history = try JSONDecoder().decode([EventJSON].self, from: Data(events.stdout.utf8))
            #expect(!history.isEmpty && history.allSatisfy(\.historical))

            let mailer = "cat > '\(sandbox.directory.path)/sent-message'"
            let quiet: [[String]] = [
                [], ["--format", "text"], ["--format", "json"], ["--format", "mail", "--to", Self.jane],
                ["--mark-sent"],
                ["--send", mailer, "--to", Self.jane],
            ]
            for arguments in quiet {
                let result = try await sandbox.digest(arguments)
                #expect(
                    result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty,
                    "\(arguments): \(result.stderr)")
            }
            #expect(
                try Self.files(in: sandbox.directory, prefix: "sent-").isEmpty, "the mailer ran with nothing to send")

            let text = try await sandbox.digest(["--always"])
            #expect(text.status == 0)
            #expect(text.stdout.hasPrefix("filings digest (") && text.stdout.hasSuffix("): no new events.\n"))
            let json = try await sandbox.digest(["--always", "--format", "json"])
            #expect(json.status == 0 && json.stdout == "[]\n")

            let mail = try await sandbox.digest(["--always", "--send", mailer, "--to", Self.jane])
            #expect(mail.status == 0 && mail.stdout.isEmpty)
            #expect(mail.stderr == "sent a digest of no new events (--always)\n")
            let sent = sandbox.directory.appendingPathComponent("sent-message")
            if let parsed = try PythonMailReader.parse(sent) {
                #expect(parsed.subject == "filings: no new events")
                #expect(parsed.body.contains("no new events."))
                #expect(parsed.defects.isEmpty, "\(parsed.defects)")
            }
        }
    }

    @Test func aMailDigestWithoutRecipientFailsEvenWithNothingToSend() async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            let result = try await sandbox.digest(["--format", "mail"])
            #expect(result.status == 1)
            #expect(result.stderr == "Error: a mail digest needs a recipient: pass --to ADDRESS or set FILINGS_TO\n")
        }
    }

    @Test func everyFormatListsThePendingEventsNewestFirstAndMarksNothing() async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            try await sandbox.sync()
            try await sandbox.sync()
            let (newer, older) = (DigestSandbox.payOnly502, DigestSandbox.layoff)
            #expect(try await sandbox.pending() == [newer, older])

            let text = try await sandbox.digest(["--format", "text"])
            #expect(text.status == 0 && text.stderr.isEmpty, "\(text.stderr)")
            let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.first?.hasPrefix("filings digest (") == true)
            #expect(lines.first?.hasSuffix("): 2 new events at 1 company") == true)
            #expect(
                Array(lines.dropFirst().prefix(4)) == [
                    "",
                    "Meta Platforms, Inc. (CIK 1326801)",
                    "  2025-11-19  compensation    document-text  Compensation arrangement approved (no departure or appointment) | "
                        + Self.link(sandbox, newer),
                    "  2025-11-18  layoff          document-text  Workforce reduction of about 600 employees (0.8%) | 600 employees | "
                        + Self.link(sandbox, older),
                ])
            #expect(!text.stdout.contains(DigestSandbox.history))
            let plain = try await sandbox.digest([])
            #expect(plain.stdout.split(separator: "\n").dropFirst() == text.stdout.split(separator: "\n").dropFirst())

            let json = try await sandbox.digest(["--format", "json"])
            let events = try JSONDecoder().decode([EventJSON].self, from: Data(json.stdout.utf8))
            #expect(events.map(\.sourceRef) == [newer, older])
            #expect(events.map(\.kind) == [.compensation, .layoff])  // both filings were read
            #expect(events.map(\.url) == [Self.link(sandbox, newer), Self.link(sandbox, older)])
            #expect(events.allSatisfy { !$0.historical && $0.company == "Meta Platforms, Inc." && $0.cik == 1_326_801 })

            let mail = try await sandbox.digest([
                "--format", "mail", "--to", "Jane Doe <\(Self.jane)>", "--from", "Filings <filings@example.org>",
            ])
            #expect(mail.status == 0 && mail.stderr.isEmpty, "\(mail.stderr)")
            if let parsed = try PythonMailReader.parse(mail.stdout, in: sandbox.directory) {
                #expect(parsed.subject == "filings: 2 new events for Meta Platforms, Inc.")
                #expect(parsed.from == [["Filings", "filings@example.org"]] && parsed.to == [["Jane Doe", Self.jane]])
                #expect(parsed.keys.starts(with: ["From", "To", "Subject", "Date", "Message-ID"]))
                #expect(
                    parsed.body.contains(Self.link(sandbox, newer)) && parsed.body.contains(Self.link(sandbox, older)))
                #expect(parsed.defects.isEmpty && !parsed.bareLineBreak, "\(parsed.defects)")
            }

            // Printing is not delivering: everything is still pending.
            #expect(try await sandbox.pending() == [newer, older])
        }
    }

    @Test func markSentMarksWhatItPrinted() async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            try await sandbox.sync()
            let marked = try await sandbox.digest(["--mark-sent"])
            #expect(marked.status == 0)
            #expect(marked.stdout.contains(Self.link(sandbox, DigestSandbox.layoff)))
            #expect(marked.stderr == "1 event marked delivered\n")
            #expect(try await sandbox.pending().isEmpty)
            #expect(try await sandbox.digest([]).stdout.isEmpty)

            // The next sync's event is the only one pending; the delivered one is still listed by `events`.
            try await sandbox.sync()
            #expect(try await sandbox.pending() == [DigestSandbox.payOnly502])
            let events = try await sandbox.filings.run(["events", "Meta", "--json"])
            #expect(events.stdout.contains(DigestSandbox.layoff))
        }
    }

    @Test func sendPipesTheMessageAndMarksWhenTheMailerSucceeds() async throws {
        try await LoopbackServer.serving { server in
            var sandbox = try await DigestSandbox.watchingMeta(on: server)
            sandbox.environment["FILINGS_TO"] = "a@example.com, \"Doe, Jane\" <\(Self.jane)>"
            try await sandbox.sync()
            try await sandbox.sync()
            let mailer = "cat > \"$(mktemp '\(sandbox.directory.path)/sent-XXXXXX')\""

            let sent = try await sandbox.digest(["--send", mailer])
            #expect(sent.status == 0 && sent.stdout.isEmpty)
            #expect(sent.stderr == "2 events sent and marked delivered\n")
            let messages = try Self.files(in: sandbox.directory, prefix: "sent-")
            try #require(messages.count == 1)
            if let parsed = try PythonMailReader.parse(messages[0]) {
                #expect(parsed.subject == "filings: 2 new events for Meta Platforms, Inc.")
                #expect(parsed.to == [["", "a@example.com"], ["Doe, Jane", Self.jane]])
                #expect(parsed.contentType == "text/plain" && parsed.charset == "utf-8")
            }
            #expect(try await sandbox.pending().isEmpty)

            let again = try await sandbox.digest(["--send", mailer])
            #expect(again.status == 0 && again.stdout.isEmpty && again.stderr.isEmpty)
            #expect(try Self.files(in: sandbox.directory, prefix: "sent-").count == 1)
        }
    }

    static let failingMailers: [(String, Int32)] = [
        ("false", 1),
        ("cat >/dev/null; exit 75", 75),  // read the message, then a temporary failure (EX_TEMPFAIL), as sendmail reports one
        ("exit 75", 75),  // failed without reading a byte
        ("no-such-mailer-command -t", 127),
    ]

    @Test(arguments: failingMailers)
    func aFailingMailerLeavesEveryEventPendingAndTheNextRunSendsThemOnce(command: String, status: Int32) async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server)
            try await sandbox.sync()

            for _ in 0..<2 {
                let failed = try await sandbox.digest(["--send", command, "--to", Self.jane])
                #expect(failed.status == 1)
                #expect(failed.stdout.isEmpty)
                let last = failed.stderr.split(separator: "\n").last.map(String.init)
                #expect(
                    last
                        == "Error: the mail command `\(command)` exited with status \(status); nothing was marked delivered, the next digest sends these events again"
                )
                #expect(try await sandbox.pending() == [DigestSandbox.layoff])
            }

            // A new event arrives while mail is down; the next good run sends old and new, once.
            try await sandbox.sync()
            let mailer = "cat > \"$(mktemp '\(sandbox.directory.path)/sent-XXXXXX')\""
            let delivered = try await sandbox.digest(["--send", mailer, "--to", Self.jane])
            #expect(delivered.status == 0, "\(delivered.stderr)")
            #expect(delivered.stderr == "2 events sent and marked delivered\n")
            let next = try await sandbox.digest(["--send", mailer, "--to", Self.jane])
            #expect(next.status == 0 && next.stderr.isEmpty)

            let messages = try Self.files(in: sandbox.directory, prefix: "sent-")
            try #require(messages.count == 1)
            if let parsed = try PythonMailReader.parse(messages[0]) {
                #expect(parsed.subject == "filings: 2 new events for Meta Platforms, Inc.")
                for accession in [DigestSandbox.layoff, DigestSandbox.payOnly502] {
                    #expect(
                        parsed.body.components(separatedBy: Self.link(sandbox, accession)).count == 2,
                        "\(accession) once")
                }
            }
        }
    }
}
