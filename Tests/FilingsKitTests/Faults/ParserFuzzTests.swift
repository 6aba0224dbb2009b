import Foundation
import Testing

@testable import FilingsFormats
@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

extension FaultSuite {
    /// A seeded mutation fuzz pass over every parser, on the project's own fixtures: 300 mutants each.
    /// A crash would end the test process; the only outcomes allowed are a result or the parser's own
    /// error type, whose message names the source. Every crash found became a test in `FuzzRegressionTests`.
    @Suite(.tags(.fuzz)) struct ParserFuzzTests {
        /// 300 in CI; set FILINGS_FUZZ_MUTANTS for a longer run outside it.
        static let mutants = Int(ProcessInfo.processInfo.environment["FILINGS_FUZZ_MUTANTS"] ?? "") ?? 300

        /// The fixture files (or every fixture ending in one of `suffixes`).
        static func seeds(_ suffixes: [String]) throws -> [Data] {
            let root = SharedData.fixtures
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
            return try files.filter { url in suffixes.contains { url.lastPathComponent.hasSuffix($0) } }
                .sorted { $0.path < $1.path }.map { try Data(contentsOf: $0) }
        }

        /// Runs `body` on `mutants` mutants of `seeds`; returns how many were accepted and how many refused.
        static func fuzz(_ seeds: [Data], seed: UInt64, _ body: (Data) throws -> Void, refusal: (Error) -> Bool) -> (accepted: Int, refused: Int) {
            var mutator = Mutator(seed: seed)
            var accepted = 0
            var refused = 0
            for number in 0..<mutants {
                let input = mutator.mutate(mutator.pick(seeds))
                do {
                    try body(input)
                    accepted += 1
                } catch {
                    refused += 1
                    #expect(refusal(error), "mutant \(number) (seed \(seed)): unexpected \(type(of: error)): \(error)")
                }
            }
            return (accepted, refused)
        }

        @Test("EDGAR indexes (master, form, company; daily, quarterly; gzip)")
        func indexes() throws {
            let seeds = try Self.seeds([".idx", ".idx.gz"])
            #expect(seeds.count >= 10)
            let outcome = Self.fuzz(seeds, seed: 1, { data in
                let (entries, report) = try EDGARIndexParser.entries(data, source: "fuzz.idx")
                #expect(report.rowsKept == entries.count)
                #expect(report.malformed.count <= IndexParseReport.issueLimit && report.malformed.count <= report.malformedCount)
                #expect(report.malformed.allSatisfy { $0.line >= 1 && $0.reason.count < 400 })
                #expect(entries.allSatisfy { $0.cik > 0 && EDGARArchive.isAccession($0.accession) })
            }, refusal: { ($0 as? EDGARFormatError)?.localizedDescription.contains("fuzz.idx") == true })
            print("fuzz indexes: \(outcome)")
            #expect(outcome.accepted > 0 && outcome.refused > 0)
        }

        @Test("submissions JSON and its history pages")
        func submissions() throws {
            let seeds = try Self.seeds(["CIK0000000042.json", "CIK0000000042-submissions-001.json", ".sync1.json", ".watch.json"])
            #expect(seeds.count >= 4)
            let refusal: (Error) -> Bool = { ($0 as? EDGARFormatError)?.localizedDescription.contains("fuzz.json") == true }
            let files = Self.fuzz(seeds, seed: 2, { _ = try SubmissionsParser.parse($0, source: "fuzz.json") }, refusal: refusal)
            let pages = Self.fuzz(seeds, seed: 3, { _ = try SubmissionsParser.page($0, source: "fuzz.json") }, refusal: refusal)
            print("fuzz submissions: \(files), pages: \(pages)")
            #expect(files.accepted > 0 && pages.accepted > 0)
        }

        @Test("ticker maps (both shapes)")
        func tickers() throws {
            let seeds = try Self.seeds(["company_tickers.json", "company_tickers_exchange.json"])
            let outcome = Self.fuzz(seeds, seed: 4, { data in
                let map = try TickerMapParser.map(data, source: "fuzz.json")
                #expect(map.entries.allSatisfy { $0.cik > 0 })
            }, refusal: { ($0 as? EDGARFormatError)?.localizedDescription.contains("fuzz.json") == true })
            print("fuzz tickers: \(outcome)")
            #expect(outcome.accepted > 0)
        }

        @Test("file kind detection and the HTML sniffer never fail on anything")
        func detection() throws {
            let seeds = try Self.seeds([".idx", ".gz", ".json", ".xml"]) + [Data(SyncFault.ownRateLimitPage.utf8)]
            let outcome = Self.fuzz(seeds, seed: 5, { data in
                _ = EDGARFileDetector.detect(data)
                if HTMLSniffer.isHTML(data) { #expect(HTMLSniffer.title(data).count < 1_000) }
            }, refusal: { _ in false })
            #expect(outcome.accepted == Self.mutants)
        }

        @Test("gzip: corrupt streams are a DecompressionError")
        func gzip() throws {
            let seeds = try Self.seeds([".gz"]) + [GzipBomb.make(matches: 100), StoredGzip.encode(Data("stored".utf8))]
            let outcome = Self.fuzz(seeds, seed: 6, { _ = try Gzip.decompress($0, limit: 8 << 20) }, refusal: { $0 is Gzip.DecompressionError })
            print("fuzz gzip: \(outcome)")
            #expect(outcome.refused > 0)
        }

        /// A small CA WARN workbook, true to EDD's layout: a title row, the header row, then notices.
        static func warnParts() -> (sheet: String, strings: String) {
            let strings = ["WARN Report", "County/Parish", "Notice Date", "Processed Date", "Effective Date", "Company", "Layoff/Closure", "No. Of Employees", "Address",
                           "Alameda County", "Tesla, Inc.", "Layoff Permanent", "45500 Fremont Blvd  Fremont CA 94538", "Ingallina&amp;rsquo;s Box", "Closure Temporary"]
            let sst = strings.map { "<si><t>\($0)</t></si>" }.joined()
            func cell(_ reference: String, shared: Int) -> String { "<c r=\"\(reference)\" t=\"s\"><v>\(shared)</v></c>" }
            func number(_ reference: String, _ value: String) -> String { "<c r=\"\(reference)\"><v>\(value)</v></c>" }
            let sheet = """
                <sheetData><row r="1">\(cell("A1", shared: 0))</row>\
                <row r="2">\((1...8).map { cell("\(Character(UnicodeScalar(UInt8(64 + $0))))2", shared: $0) }.joined())</row>\
                <row r="3">\(cell("A3", shared: 9))\(number("B3", "44925"))\(number("C3", "44926"))\(number("D3", "44985"))\(cell("E3", shared: 10))\(cell("F3", shared: 11))\(number("G3", "120"))\(cell("H3", shared: 12))</row>\
                <row r="4">\(cell("A4", shared: 9))\(number("B4", "44930"))\(number("C4", "44931"))\(number("D4", "44990"))\(cell("E4", shared: 13))\(cell("F4", shared: 14))\(number("G4", "7"))\(cell("H4", shared: 12))</row>\
                </sheetData><mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells>
                """
            return (sheet, sst)
        }

        @Test("CA WARN workbooks: mutated sheet and shared-strings XML, and mutated zip bytes")
        func warnWorkbooks() throws {
            let parts = Self.warnParts()
            let clean = try CaliforniaWarnWorkbook.parse(try XlsxTestArchive.workbook(sheets: [("WARN", parts.sheet)], sharedStrings: parts.strings), source: "fuzz.xlsx")
            #expect(clean.notices.count == 2, "the seed itself parses: \(clean.diagnostics)")
            let refusal: (Error) -> Bool = { error in
                (error is XlsxError || error is WarnReportError) && error.localizedDescription.contains("fuzz.xlsx")
            }
            let sheets = Self.fuzz([Data(parts.sheet.utf8)], seed: 7, { xml in
                let data = try XlsxTestArchive.workbook(sheets: [("WARN", String(decoding: xml, as: UTF8.self))], sharedStrings: parts.strings)
                _ = try CaliforniaWarnWorkbook.parse(data, source: "fuzz.xlsx")
            }, refusal: refusal)
            let strings = Self.fuzz([Data(parts.strings.utf8)], seed: 8, { xml in
                let data = try XlsxTestArchive.workbook(sheets: [("WARN", parts.sheet)], sharedStrings: String(decoding: xml, as: UTF8.self))
                _ = try CaliforniaWarnWorkbook.parse(data, source: "fuzz.xlsx")
            }, refusal: refusal)
            let zipped = try XlsxTestArchive.workbook(sheets: [("WARN", parts.sheet)], sharedStrings: parts.strings)
            let archives = Self.fuzz([zipped], seed: 9, { _ = try CaliforniaWarnWorkbook.parse($0, source: "fuzz.xlsx") }, refusal: refusal)
            print("fuzz CA WARN: sheet \(sheets), shared strings \(strings), zip bytes \(archives)")
            #expect(sheets.accepted > 0 && strings.accepted > 0)
        }

        @Test("CSV tables (the ERM export's format)")
        func csv() {
            let seed = Data("""
                "Company","Country","Announcement date","Planned job reductions","Description"
                "Société Générale","France","2023-06-01","900","Restructuring, ""voluntary"" departures"
                "株式会社東芝","Germany","2023-07-15","","Line one
                line two"
                """.utf8)
            let outcome = Self.fuzz([seed], seed: 10, { data in
                guard let table = CSVTable(text: String(decoding: data, as: UTF8.self)) else { return }
                #expect(table.records.allSatisfy { $0.line >= 1 })
            }, refusal: { _ in false })
            #expect(outcome.accepted == Self.mutants)
        }

        @Test("mail addresses and the text sanitizer: any input is refused or made safe")
        func mailAndText() {
            let seeds = [Data("Ops Team <ops@example.com>, \"Doe, Jane\" <jane@example.org>".utf8), Data(FaultBench.hostileName.utf8)]
            let addresses = Self.fuzz(seeds, seed: 11, { data in
                let list = try MailAddress.list(parsing: String(decoding: data, as: UTF8.self))
                let header = MailHeader.addresses("To", list)
                let lines = header.field.components(separatedBy: "\r\n")
                #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } }, "\(header.field.debugDescription)")
                #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") }, "a folded line starts with a space: \(header.field.debugDescription)")
            }, refusal: { $0 is MailAddressError })
            let text = Self.fuzz(seeds, seed: 12, { data in
                let raw = String(decoding: data, as: UTF8.self)
                #expect(FaultBench.unsafeScalars(TextSanitizer.singleLine(raw)).isEmpty)
                #expect(!TextSanitizer.singleLine(raw).contains("\n"))
                #expect(FaultBench.unsafeScalars(TextSanitizer.multiLine(raw)).isEmpty)
            }, refusal: { _ in false })
            print("fuzz mail addresses: \(addresses)")
            #expect(text.accepted == Self.mutants)
        }
    }
}
