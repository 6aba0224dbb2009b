import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

extension FaultSuite {
    /// Company names and summaries carrying CR/LF, NUL, ANSI escapes and right-to-left overrides, stored
    /// through the real import path and the store, then printed by every listing, the digest, the mail and the JSON.
    @Suite(.serialized) struct HostileNameTests {

        @Test("an index row's hostile company name is stored as filed and printed harmless by records, as text and JSON")
        func hostileNameFromAnIndex() async throws {
            let dir = try temporaryDirectory()
            let db = dir.appendingPathComponent("filings.sqlite")
            let filings = BinaryRunner(environment: FaultBench.environment(db: db, feeds: FaultBench.packageFeeds))
            // LF cannot occur inside an index row; a NUL ends the stored text (SQLite binds names as C strings).
            let name = "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}Corp\u{202E}gpj.exe\rX-Injected: yes\u{0}dropped"
            var index = Data(FaultBench.dailyHeader.utf8)
            index.append(Data("1000666|\(name)|8-K|20251118|edgar/data/1000666/0001000666-25-000001.txt\n".utf8))
            let url = dir.appendingPathComponent("master.idx")
            try index.write(to: url)
            let imported = try await filings.run(["import", url.path])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try Store(path: db.path).filings(cik: 1000666).first?.companyName == String(name.prefix { $0 != "\u{0}" }))

            let text = try await filings.run(["records"])
            #expect(text.status == 0)
            #expect(FaultBench.unsafeScalars(text.stdout).isEmpty, "\(text.stdout.debugDescription)")
            #expect(text.stdout.contains("EvilCorpgpj.exe X-Injected: yes"), "\(text.stdout.debugDescription)")
            #expect(text.stdout.split(separator: "\n").count == 1)
            let json = try await filings.run(["records", "--json"])
            #expect(FaultBench.unsafeScalars(json.stdout).isEmpty, "\(json.stdout.debugDescription)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(rows.first?["company"] as? String == "EvilCorpgpj.exe X-Injected: yes")
        }

        @Test("watches, events, digest text, digest JSON and the mail: no escape, control or bidi scalar; no injected header")
        func hostileWatchAndEvent() async throws {
            let dir = try temporaryDirectory()
            let db = dir.appendingPathComponent("filings.sqlite")
            let store = try Store(path: db.path)
            try store.saveWatch(Watch(cik: 999_999, name: FaultBench.hostileName, aliases: ["Alias\u{1B}[31m\r\nTo: x@example.com"], historyLoadedAt: Date()))
            let event = Event(
                key: "sec-8k:0000999999-25-000001:layoff", cik: 999_999, company: FaultBench.hostileName, kind: .layoff, source: .sec8k,
                sourceRef: "0000999999-25-000001", date: "2025-11-18", url: "https://example.com/a\r\nBcc: b@example.com",
                summary: "Closing\u{1B}[2J site\r\nX-Injected: yes\u{202E}", strength: .secItem, historical: false,
                quote: "line one\r\n\u{1B}[31mline two\u{0}")
            #expect(try store.raise([event]).count == 1)
            let filings = BinaryRunner(environment: FaultBench.environment(db: db, feeds: FaultBench.packageFeeds))

            let outputs: [(String, [String])] = [
                ("watches", ["watches"]), ("watches --json", ["watches", "--json"]), ("events", ["events"]),
                ("events --json", ["events", "--json"]), ("digest", ["digest"]), ("digest --format json", ["digest", "--format", "json"]),
                ("digest --format mail", ["digest", "--format", "mail", "--to", "ops@example.com", "--from", "filings@example.com"]),
            ]
            for (label, arguments) in outputs {
                let result = try await filings.run(arguments)
                #expect(result.status == 0, "\(label): \(result.stderr)")
                #expect(result.stdout.contains("EvilCorp") || result.stdout.contains("=?utf-8?"), "\(label): \(result.stdout)")
                #expect(FaultBench.unsafeScalars(result.stdout.replacingOccurrences(of: "\r\n", with: "\n")).isEmpty, "\(label): \(result.stdout.debugDescription)")
                #expect(!result.stdout.contains("\r\nX-Injected") && !result.stdout.contains("\nX-Injected"), "\(label)")
                if arguments.contains("--json") || arguments.contains("json") {
                    #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil, "\(label) is valid JSON")
                }
            }

            let mail = try await filings.run(outputs[6].1)
            let head = try #require(mail.stdout.components(separatedBy: "\r\n\r\n").first)
            for line in head.components(separatedBy: "\r\n") {
                #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "header line not printable ASCII: \(line.debugDescription)")
                #expect(line.count <= 998)
            }
            let names = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }.compactMap { $0.split(separator: ":").first.map(String.init) }
            #expect(!names.contains("Bcc") && !names.contains("X-Injected"), "\(names)")
            #expect(names.filter { $0 == "To" }.count == 1)
        }
    }
}
