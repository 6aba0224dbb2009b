import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

@Suite struct MailMessageTests {
    let renderer = DigestRenderer(generatedAt: ReportSamples.generatedAt)
    let ordinary = [
        ReportSamples.japanese, ReportSamples.metaLayoff, ReportSamples.societeGenerale,
        ReportSamples.metaWarn, ReportSamples.metaDeparture,
    ]

    func addresses() throws -> (from: MailAddress, to: [MailAddress]) {
        let from = try MailAddress(parsing: "Système de veille <veille@example.fr>")
        let to = try MailAddress.list(parsing: "jane@example.com, \"Doe, Jane\" <j.doe@example.net>")
        return (from, to)
    }

    @Test func headersAreCompleteAndEveryLineIsShortASCIIWithCRLF() throws {
        let (from, to) = try addresses()
        let message = try renderer.mail(ordinary, from: from, to: to, messageIDDomain: "mail.example.org")
        let rendered = message.rendered()
        #expect(rendered.hasSuffix("\r\n"))
        let lines = rendered.components(separatedBy: "\r\n").dropLast()
        for line in lines {
            #expect(!line.contains("\n") && !line.contains("\r"), "bare line break in \(line.debugDescription)")
            #expect(line.utf8.count <= 76, "long line: \(line)")
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII line: \(line)")
        }
        let headerLines = lines.prefix { !$0.isEmpty }
        let names = headerLines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(names == ["From", "To", "Subject", "Date", "Message-ID", "Auto-Submitted", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
        #expect(headerLines.contains("Date: Fri, 27 Nov 2026 05:50:00 +0000"))
        #expect(headerLines.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(headerLines.contains("Content-Transfer-Encoding: quoted-printable"))
        let messageID = try #require(message.header("message-id")).text
        #expect(messageID.wholeMatch(of: /<[0-9a-f-]{36}@mail\.example\.org>/) != nil, "\(messageID)")
        #expect(message.header("Subject")?.text == "filings: 5 new events for Meta Platforms, Inc. and 2 others")
        #expect(message.header("To")?.text == "jane@example.com, Doe, Jane <j.doe@example.net>")
        // The display name is non-ASCII, so it travels as an encoded-word.
        #expect(headerLines.first?.hasPrefix("From: =?UTF-8?B?") == true)
    }

    @Test func eachMessageGetsItsOwnIDAndABadDomainIsReplaced() throws {
        let (from, to) = try addresses()
        let first = try renderer.mail([], from: from, to: to, messageIDDomain: "bad host\r\nBcc: x@y")
        let second = try renderer.mail([], from: from, to: to)
        #expect(first.header("Message-ID")?.text.hasSuffix("@filings.local>") == true)
        #expect(first.header("Message-ID")?.text != second.header("Message-ID")?.text)
        #expect(DigestRenderer.domain("host-1.example.org") == "host-1.example.org")
        #expect(DigestRenderer.domain("-bad..x") == "filings.local")
    }

    @Test func noRecipientsIsRefused() throws {
        let (from, _) = try addresses()
        #expect(throws: MailAddressError.empty) { try renderer.mail(ordinary, from: from, to: []) }
    }

    @Test func hostileTextCannotStartAHeader() {
        let header = MailHeader.unstructured("Subject", ReportSamples.hostileName + " " + String(repeating: "word ", count: 40))
        let lines = header.field.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(!header.field.replacingOccurrences(of: "\r\n ", with: "").contains { $0 == "\r" || $0 == "\n" })
        #expect(header.text.hasPrefix(ReportSamples.hostileNameSafe))
    }

    @Test func longDisplayNamesAndManyRecipientsFold() throws {
        let long = try MailAddress(address: "team@example.com", displayName: "Research, Policy & Markets Team (" + String(repeating: "x", count: 80) + ")")
        let many = try (1...12).map { number throws(MailAddressError) in try MailAddress(parsing: "Reader \(number) <reader\(number)@example.com>") }
        let header = MailHeader.addresses("To", [long] + many)
        let lines = header.field.components(separatedBy: "\r\n")
        #expect(lines.count > 5)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines[0].hasPrefix("To: =?UTF-8?B?"))  // too long to quote, so encoded (and foldable)
        #expect(lines.last?.hasSuffix("<reader12@example.com>") == true)
    }

    @Test func encodedWordsAreShortAndNeverSplitACharacter() throws {
        let text = String(repeating: "株式会社東芝 Société Générale 👩‍💻 ", count: 5)
        let words = HeaderEncoding.encodedWords(text)
        var decoded = ""
        for word in words {
            #expect(word.utf8.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let base64 = String(word.dropFirst(10).dropLast(2))
            let bytes = try #require(Data(base64Encoded: base64))
            decoded += try #require(String(data: bytes, encoding: .utf8), "word \(word) is not whole UTF-8")
        }
        #expect(decoded == text)
    }

    @Test func quotedPrintableEncodesWhatMustBeEncoded() {
        #expect(QuotedPrintable.encode(".hidden\nFrom here\ntrailing \na=b\tc\t\n") == "=2Ehidden\r\n=46rom here\r\ntrailing=20\r\na=3Db\tc=09\r\n")
        #expect(QuotedPrintable.encode("two\n\n") == "two\r\n\r\n")
        #expect(QuotedPrintable.encode("") == "\r\n")
        #expect(QuotedPrintable.encode("é") == "=C3=A9\r\n")
        let long = QuotedPrintable.encode(String(repeating: "é", count: 100))
        let lines = long.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // Soft breaks never split a character, let alone an =XX escape.
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=C3=A9=") })
        #expect(lines.allSatisfy { $0.hasPrefix("=C3=A9") })
    }

    @Test(arguments: [
        ("jane@example.com", nil, "jane@example.com"),
        ("  Jane Doe <jane@example.com> ", "Jane Doe", "jane@example.com"),
        ("\"Doe, Jane \\\"JD\\\"\" <jane@example.com>", "Doe, Jane \"JD\"", "jane@example.com"),
        ("Zoë <zoe@example.de>", "Zoë", "zoe@example.de"),
    ] as [(String, String?, String)])
    func addressesParse(text: String, name: String?, address: String) throws {
        let parsed = try MailAddress(parsing: text)
        #expect(parsed.displayName == name)
        #expect(parsed.address == address)
    }

    @Test(arguments: [
        ("jane@example.com\r\nBcc: x@y.z", MailAddressError.lineBreak("jane@example.com\r\nBcc: x@y.z")),
        ("Jane\n <jane@example.com>", .lineBreak("Jane\n <jane@example.com>")),
        ("jane@exa\u{0}mple.com", .controlCharacter("jane@exa\u{0}mple.com")),
        ("jane.example.com", .notOneAt("jane.example.com")),
        ("jane@x@example.com", .notOneAt("jane@x@example.com")),
        ("Jane <jane.example.com>", .notOneAt("Jane <jane.example.com>")),
        ("jane doe@example.com", .malformed("jane doe@example.com")),
        ("@example.com", .malformed("@example.com")),
        ("jane@", .malformed("jane@")),
        ("jöhn@example.de", .nonASCII("jöhn@example.de")),
        ("   ", .empty),
    ])
    func badAddressesAreRefused(text: String, error: MailAddressError) {
        #expect(throws: error) { try MailAddress(parsing: text) }
        #expect(error.errorDescription?.contains("\n") == false)
        #expect(error.errorDescription?.contains("\r") == false)
    }

    @Test func addressListsSplitOnCommasOutsideQuotes() throws {
        let list = try MailAddress.list(parsing: "a@x.org, \"Doe, Jane\" <b@y.org>,c@z.org")
        #expect(list.map(\.address) == ["a@x.org", "b@y.org", "c@z.org"])
        #expect(list[1].displayName == "Doe, Jane")
        #expect(throws: MailAddressError.empty) { try MailAddress.list(parsing: " , ") }
    }
}
