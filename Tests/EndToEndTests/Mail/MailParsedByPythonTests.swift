import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// Reads the rendered mail back with Python's `email` package, an independent RFC 5322 / MIME parser.
@Suite struct MailParsedByPythonTests {
    /// What the Python side reports about one message.
    struct Parsed: Decodable {
        var keys: [String]
        var subject: String
        var from: [[String]]
        var to: [[String]]
        var date: Double
        var messageID: String
        var contentType: String
        var charset: String?
        var transferEncoding: String
        var body: String
        var defects: [String]
        var longestLine: Int
        var bareLineBreak: Bool
    }

    static let script = """
        import sys, json, email, email.policy
        raw = open(sys.argv[1], encoding='ascii', newline='').read()
        msg = email.message_from_string(raw, policy=email.policy.default)
        defects = [repr(d) for d in msg.defects]
        for key in msg.keys():
            defects += [key + ': ' + repr(d) for d in getattr(msg[key], 'defects', [])]
        print(json.dumps({
            'keys': list(msg.keys()),
            'subject': str(msg['Subject']),
            'from': [[a.display_name, a.addr_spec] for a in msg['From'].addresses],
            'to': [[a.display_name, a.addr_spec] for a in msg['To'].addresses],
            'date': msg['Date'].datetime.timestamp(),
            'messageID': str(msg['Message-ID']),
            'contentType': msg.get_content_type(),
            'charset': msg.get_content_charset(),
            'transferEncoding': str(msg['Content-Transfer-Encoding']),
            'body': msg.get_content().replace('\\r\\n', '\\n'),
            'defects': defects,
            'longestLine': max(len(line) for line in raw.split('\\r\\n')),
            'bareLineBreak': '\\n' in raw.replace('\\r\\n', '') or '\\r' in raw.replace('\\r\\n', ''),
        }))
        """

    static let longJapaneseName = String(repeating: "株式会社", count: 20)

    static let cases: [([Event], String)] = [
        (
            [ReportSamples.japanese, ReportSamples.metaLayoff, ReportSamples.societeGenerale, ReportSamples.metaWarn, ReportSamples.metaDeparture],
            "filings: 5 new events for Meta Platforms, Inc. and 2 others"
        ),
        ([ReportSamples.hostile, ReportSamples.metaLayoff], "filings: 2 new events for EvilCorp Bcc: victim@example.comgpj.exe and 1 other"),
        ([ReportSamples.societeGenerale, ReportSamples.japanese], "filings: 2 new events for Société Générale and 1 other"),
        ([ReportSamples.japanese], "filings: 1 new event for 株式会社東芝"),
        (
            [ReportSamples.event(longJapaneseName, cik: nil, .layoff, .euErm, "2024-02-02", "long", .media)],
            "filings: 1 new event for " + String(repeating: "株式会社", count: 14) + "株式会…"
        ),
        ([], "filings: no new events"),
    ]

    @Test(arguments: cases)
    func pythonReadsBackWhatWasMeant(events: [Event], expectedSubject: String) throws {
        guard ProcessRunner.isAvailable("python3") else {
            print("note: python3 not found on PATH; the mail is not parsed back by Python's email package")
            return
        }
        let dir = try temporaryDirectory()
        let from = try MailAddress(parsing: "Système de veille <veille@example.fr>")
        let to = try MailAddress.list(parsing: "jane@example.com, \"Doe, Jane\" <j.doe@example.net>, 株式会社 <kk@example.jp>")
        let message = try DigestRenderer(generatedAt: ReportSamples.generatedAt).mail(events, from: from, to: to)
        let file = dir.appendingPathComponent("digest.eml")
        try Data(message.rendered().utf8).write(to: file)

        let result = try ProcessRunner.run("python3", ["-c", Self.script, file.path], environment: ProcessInfo.processInfo.environment, directory: dir)
        try #require(result.status == 0, "python3 failed: \(result.stderr)")
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))

        #expect(parsed.subject == expectedSubject)
        #expect(parsed.keys == ["From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
        #expect(parsed.from == [["Système de veille", "veille@example.fr"]])
        #expect(parsed.to == [["", "jane@example.com"], ["Doe, Jane", "j.doe@example.net"], ["株式会社", "kk@example.jp"]])
        #expect(parsed.date == ReportSamples.generatedAt.timeIntervalSince1970)
        #expect(parsed.messageID.hasSuffix("@filings.local>"))
        #expect(parsed.contentType == "text/plain" && parsed.charset == "utf-8" && parsed.transferEncoding == "quoted-printable")
        #expect(parsed.body == message.body)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.longestLine <= 998 && !parsed.bareLineBreak)
        #expect(!parsed.body.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        for group in CompanyDigest.group(events) {
            #expect(parsed.body.contains("\n\(group.company)"))
        }
    }
}
