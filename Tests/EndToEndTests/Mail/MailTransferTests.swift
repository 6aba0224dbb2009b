import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// The digest delivered end to end: the built `filings` hands its message to a real mail transfer
/// agent (msmtp, from Debian), which speaks SMTP over loopback to ``CapturingSMTPServer``; what
/// arrived is read back with Python's `email` package.
@Suite(.serialized) struct MailTransferTests {
    /// An untrusted name from a filing: accents, CJK, and an attempt to add a Bcc recipient.
    static let hostileName = "Méta Plateformes S.A. — 株式会社メタ\r\nBcc: victim@example.com"
    static let shownName = "Méta Plateformes S.A. — 株式会社メタ Bcc: victim@example.com"
    static let recipients = "Jane Doe <jane@example.com>, 株式会社 <kk@example.jp>"
    static let sender = "Système de veille <filings@example.org>"

    /// msmtp sending to `port` on loopback, reading recipients from the message, ignoring any system or user configuration.
    static func msmtp(port: Int) -> String {
        "msmtp -C /dev/null --host=127.0.0.1 --port=\(port) --from=filings@example.org -t"
    }

    @Test func aRealMailTransferAgentDeliversTheDigestOnceAndOnlyToItsRecipients() async throws {
        guard ProcessRunner.isAvailable("msmtp") else {
            print(
                "note: msmtp is not installed (apt-get install msmtp; .ci/run installs it); the end-to-end mail test is skipped"
            )
            return
        }
        guard let smtp = try await CapturingSMTPServer.start() else { return }
        do {
            try await delivers(through: smtp)
            await smtp.stop()
        } catch {
            await smtp.stop()
            throw error
        }
    }

    func delivers(through smtp: CapturingSMTPServer) async throws {
        try await LoopbackServer.serving { server in
            let sandbox = try await DigestSandbox.watchingMeta(on: server, companyName: Self.hostileName)
            try await sandbox.sync()
            try await sandbox.sync()
            let digest = { (mailer: String) in
                try await sandbox.digest(["--send", mailer, "--to", Self.recipients, "--from", Self.sender])
            }

            // The mail server is down, then refuses recipients for now: msmtp fails, nothing is marked.
            let down = try await digest(Self.msmtp(port: 1))
            #expect(down.status == 1)
            #expect(down.stderr.contains("msmtp: cannot connect to 127.0.0.1, port 1"))
            #expect(down.stderr.contains("exited with status 75; nothing was marked delivered"), "\(down.stderr)")
            try smtp.rejectRecipients(true)
            let refused = try await digest(Self.msmtp(port: smtp.port))
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("451 4.3.0 try again later"))
            #expect(refused.stderr.contains("nothing was marked delivered"), "\(refused.stderr)")
            #expect(try smtp.messages().isEmpty)
            #expect(try await sandbox.pending() == [DigestSandbox.payOnly502, DigestSandbox.layoff])

            try smtp.rejectRecipients(false)
            let before = Date().timeIntervalSince1970.rounded(.down)
            let sent = try await digest(Self.msmtp(port: smtp.port))
            let after = Date().timeIntervalSince1970.rounded(.up)
            #expect(sent.status == 0, "\(sent.stderr)")
            #expect(sent.stderr == "2 events sent and marked delivered\n")

            let messages = try smtp.messages()
            try #require(messages.count == 1)
            let envelope = messages[0]
            #expect(envelope.mailFrom == "filings@example.org")
            #expect(envelope.recipients == ["jane@example.com", "kk@example.jp"], "the name must not add a recipient")

            let raw = try Data(contentsOf: URL(fileURLWithPath: envelope.file))
            #expect(raw.allSatisfy { $0 < 0x80 }, "7-bit on the wire: encoded words and quoted-printable")
            #expect(
                String(decoding: raw, as: UTF8.self).lowercased().contains("\r\nsubject: =?utf-8?"),
                "the Subject is an encoded word")
            guard let parsed = try PythonMailReader.parse(URL(fileURLWithPath: envelope.file)) else { return }
            #expect(parsed.subject == "filings: 2 new events for \(Self.shownName)")
            #expect(
                parsed.keys == [
                    "From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "MIME-Version", "Content-Type",
                    "Content-Transfer-Encoding",
                ])
            #expect(parsed.from == [["Système de veille", "filings@example.org"]])
            #expect(parsed.to == [["Jane Doe", "jane@example.com"], ["株式会社", "kk@example.jp"]])
            #expect(parsed.date >= before && parsed.date <= after, "Date is when the digest was made")
            #expect(
                parsed.messageID.wholeMatch(
                    of: /<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[A-Za-z0-9.-]+>/) != nil,
                "\(parsed.messageID)")
            #expect(
                parsed.contentType == "text/plain" && parsed.charset == "utf-8"
                    && parsed.transferEncoding == "quoted-printable")
            #expect(parsed.defects.isEmpty && !parsed.bareLineBreak && parsed.longestLine <= 78, "\(parsed.defects)")
            let body = parsed.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(body.contains("\(Self.shownName) (CIK 1326801)"))
            for accession in [DigestSandbox.payOnly502, DigestSandbox.layoff] {
                #expect(body.filter { $0.hasSuffix(" | " + DigestBinaryTests.link(sandbox, accession)) }.count == 1)
            }

            // The next night has nothing new: msmtp is not even started.
            let next = try await digest(Self.msmtp(port: smtp.port))
            #expect(next.status == 0 && next.stdout.isEmpty && next.stderr.isEmpty)
            #expect(try smtp.messages().count == 1)
        }
    }
}
