import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite("Submissions JSON parser", .tags(.corpus))
struct SubmissionsParserTests {

    @Test("company, former names, pages and rows of a small submissions file")
    func fixture() throws {
        let result = try SubmissionsParser.parse(
            try SharedData.fixture("edgar/CIK0000000042.json"), source: "fixture.json")
        #expect(result.company.cik == 42)
        #expect(result.company.name == #"EXAMPLE SOFTWARE CORP \WA\"#)
        #expect(result.company.tickers == ["EXSW", "EXSW-PA"])
        #expect(result.company.exchanges == ["Nasdaq"])
        #expect(result.company.source == "fixture.json")
        #expect(
            result.company.formerNames == [
                FormerName(name: "EXAMPLE SOFT INC", from: "1994-02-14", to: "2001-05-01"),
                FormerName(name: "EXAMPLE LABS"),
            ])
        #expect(result.entityType == "operating")
        #expect(result.pages == ["CIK0000000042-submissions-001.json"])
        #expect(
            result.filings.map(\.accession) == [
                "0001193125-23-009934", "0000000042-23-000007", "0000000042-23-000006", "0000000042-23-000005",
            ])
        #expect(
            result.filings[0]
                == SubmissionFiling(
                    accession: "0001193125-23-009934", form: "8-K", filingDate: "2023-01-18", reportDate: "2023-01-18",
                    acceptanceDateTime: "2023-01-18T14:15:37.000Z", items: ["7.01", "9.01"],
                    primaryDocument: "d447690d8k.htm"))
        #expect(result.filings[1].form == "D")
        #expect(result.filings[1].items == nil)  // Form D's "06b" is not an 8-K item
        #expect(result.filings[2].items == [])  // an 8-K/A with an empty items string
        #expect(result.filings[2].filingDate == "2023-01-05")
        #expect(result.filings[2].reportDate == nil)
        #expect(result.filings[3].acceptanceDateTime == nil)
        #expect(result.filings[3].primaryDocument == "exsw-20221231.htm")
        #expect(result.issues.count == 2)
        #expect(result.issues.contains { $0.contains("primaryDocument has 4 values for 5") })
        #expect(result.issues.contains { $0.hasPrefix("row 4: skipped") })
    }

    @Test("8-K rows become Filing values with the link they are given")
    func currentReports() throws {
        let result = try SubmissionsParser.parse(
            try SharedData.fixture("edgar/CIK0000000042.json"), source: "fixture.json")
        let rows = result.filings.filter(\.isCurrentReport)
        #expect(rows.map(\.form) == ["8-K", "8-K/A"])
        let first = try #require(rows.first).filing(
            cik: result.company.cik, companyName: result.company.name, url: "https://example.test/index.htm", source: "fixture.json")
        #expect(first.url == "https://example.test/index.htm")
        #expect(first.cik == 42)
        #expect(first.companyName == #"EXAMPLE SOFTWARE CORP \WA\"#)
        #expect(first.acceptedAt == "2023-01-18T14:15:37.000Z")
        #expect(first.items == ["7.01", "9.01"])
        #expect(first.source == "fixture.json")
    }

    @Test("a page file has the columns at the top level")
    func page() throws {
        let rows = try SubmissionsParser.parsePage(
            try SharedData.fixture("edgar/CIK0000000042-submissions-001.json"), source: "page.json")
        #expect(rows.map(\.form) == ["8-K", "10-K", "8-K"])
        #expect(rows[0].items == ["2.02", "9.01"])
        #expect(rows[1].items == nil)
        #expect(rows[2].items == [])
        #expect(rows[2].primaryDocument == nil)
        #expect(rows[2].filingDate == "1994-02-14")
    }

    @Test("the wrong file or shape is refused with the source in the message")
    func wrongShapes() throws {
        let full = try SharedData.fixture("edgar/CIK0000000042.json")
        let page = try SharedData.fixture("edgar/CIK0000000042-submissions-001.json")
        let tickers = try SharedData.fixture("edgar/company_tickers.json")
        for (call, data) in [
            ({ (d: Data) in _ = try SubmissionsParser.parse(d, source: "x.json") }, page),
            ({ (d: Data) in _ = try SubmissionsParser.parsePage(d, source: "x.json") }, full),
            ({ (d: Data) in _ = try SubmissionsParser.parse(d, source: "x.json") }, tickers),
            ({ (d: Data) in _ = try SubmissionsParser.parse(d, source: "x.json") }, Data("[1,2]".utf8)),
            ({ (d: Data) in _ = try SubmissionsParser.parse(d, source: "x.json") }, Data("{\"cik\": ".utf8)),
            ({ (d: Data) in _ = try SubmissionsParser.parse(d, source: "x.json") }, Data("<html></html>".utf8)),
            ({ (d: Data) in _ = try SubmissionsParser.parse(d, source: "x.json") }, Data()),
        ] {
            let error = #expect(throws: EDGARFormatError.self) { try call(data) }
            #expect(error?.errorDescription?.hasPrefix("x.json: ") == true)
        }
    }

    @Test("schema drift: missing columns, numbers as strings, null values")
    func drift() throws {
        let json = #"""
            {"cik": 77, "name": "DRIFT CO", "tickers": null,
             "filings": {"recent": {"accessionNumber": ["0000000077-24-000001", "0000000077-24-000002"],
              "form": ["8-K", null], "filingDate": ["2024-03-01", "2024-03-02"]}}}
            """#
        let result = try SubmissionsParser.parse(Data(json.utf8), source: "drift")
        #expect(result.company.cik == 77)
        #expect(result.company.tickers == [])
        #expect(result.filings.count == 1)
        #expect(result.filings[0].items == nil)  // no items column: unknown, not empty
        #expect(result.issues.contains("no items column"))
        #expect(result.issues.contains { $0.hasPrefix("row 1: skipped") })
        #expect(result.pages == [])
    }
}

/// The 19 real submissions files of the corpus; skipped when it is absent.
@Suite("Submissions JSON parser (real corpus)")
struct SubmissionsCorpusTests {
    /// `filings.recent` (or page) rows and 8-K/8-K/A rows per file, counted with Python's json module.
    static let expected: [String: (rows: Int, currentReports: Int)] = [
        "CIK0000310522.json": (1_154, 34), "CIK0000315090.json": (523, 0),
        "CIK0000320193-submissions-001.2023.json": (988, 100), "CIK0000320193.2023.json": (1_000, 109),
        "CIK0000320193.json": (1_005, 107), "CIK0000350001.json": (0, 0), "CIK0000789019.json": (1_002, 66),
        "CIK0000895419.json": (1_001, 206), "CIK0000940418.json": (31, 0), "CIK0001009672.json": (1_000, 149),
        "CIK0001045810.json": (1_007, 61), "CIK0001318605-submissions-001.json": (720, 116),
        "CIK0001318605.2022.json": (1_001, 164), "CIK0001318605.json": (1_002, 127),
        "CIK0001324424-submissions-001.json": (976, 158), "CIK0001324424.json": (1_002, 134),
        "CIK0001465740.json": (1_000, 221), "CIK0001796129.json": (371, 64), "CIK0001835632.json": (787, 81),
    ]

    @Test("every real submissions file and page parses with no issues")
    func everyFile() throws {
        let files = SharedData.files(under: "edgar/submissions").filter { $0.pathExtension == "json" }
        guard !files.isEmpty else { return }
        #expect(files.count == Self.expected.count)
        for url in files {
            let name = url.lastPathComponent
            let expected = try #require(Self.expected[name], "no expectation for \(name)")
            let data = try Data(contentsOf: url)
            let cik = Int64(name.dropFirst(3).prefix(10))
            let rows: [SubmissionFiling]
            if name.contains("-submissions-") {
                let page = try SubmissionsParser.page(data, source: name)
                #expect(page.issues.isEmpty, "\(name): \(page.issues)")
                rows = page.filings
            } else {
                let result = try SubmissionsParser.parse(data, source: name)
                #expect(result.issues.isEmpty, "\(name): \(result.issues)")
                #expect(result.company.cik == cik, "\(name)")
                #expect(!result.company.name.isEmpty, "\(name)")
                rows = result.filings
            }
            #expect(rows.count == expected.rows, "\(name)")
            #expect(rows.filter(\.isCurrentReport).count == expected.currentReports, "\(name)")
            #expect(rows.allSatisfy { $0.isCurrentReport == ($0.items != nil) }, "\(name)")
        }
    }

    @Test("Microsoft: the 2023-01-18 layoffs 8-K has items 7.01 and 9.01; Form D items are ignored")
    func microsoft() throws {
        guard let url = SharedData.file("edgar/submissions/CIK0000789019.json") else { return }
        let result = try SubmissionsParser.parse(Data(contentsOf: url), source: url.path)
        #expect(result.company.name == "MICROSOFT CORP")
        #expect(result.company.tickers == ["MSFT"])
        #expect(result.pages == ["CIK0000789019-submissions-001.json", "CIK0000789019-submissions-002.json"])
        let layoffs = try #require(result.filings.first { $0.accession == "0001193125-23-009934" })
        #expect(layoffs.form == "8-K")
        #expect(layoffs.filingDate == "2023-01-18")
        #expect(layoffs.items == ["7.01", "9.01"])
        #expect(layoffs.primaryDocument == "d447690d8k.htm")
        let formD = result.filings.filter { $0.form == "D" }
        #expect(!formD.isEmpty)
        #expect(formD.allSatisfy { $0.items == nil })
    }

    @Test("zero-filing CIK, an individual and a foreign filer")
    func edgeFilers() throws {
        if let url = SharedData.file("edgar/submissions/CIK0000350001.json") {
            let result = try SubmissionsParser.parse(Data(contentsOf: url), source: url.path)
            #expect(result.filings.isEmpty)
            #expect(result.company.name == #"Company Name Three `!#$(),:;=.-;\|@/{}&'\WA\"#)
            #expect(result.company.formerNames.count == 19)
            #expect(
                result.company.formerNames.last
                    == FormerName(name: "ALLEN TEST LTD", from: "1994-02-11", to: "1994-06-13"))
            #expect(!result.filings.contains { $0.isCurrentReport })
        }
        if let url = SharedData.file("edgar/submissions/CIK0000315090.json") {
            let result = try SubmissionsParser.parse(Data(contentsOf: url), source: url.path)
            #expect(result.company.name == "BUFFETT WARREN E")
            #expect(result.entityType == "other")
            #expect(result.company.tickers.isEmpty)
        }
        if let url = SharedData.file("edgar/submissions/CIK0000940418.json") {
            let result = try SubmissionsParser.parse(Data(contentsOf: url), source: url.path)
            #expect(result.company.name == "SIEMENS AG")
            #expect(!result.filings.isEmpty)
            #expect(result.filings.filter(\.isCurrentReport).isEmpty)
        }
    }

    @Test("Apple's 2023 file (numeric cik) and its history page")
    func applePage() throws {
        if let url = SharedData.file("edgar/submissions/CIK0000320193.2023.json") {
            let result = try SubmissionsParser.parse(Data(contentsOf: url), source: url.path)
            #expect(result.company.cik == 320_193)
            #expect(result.pages == ["CIK0000320193-submissions-001.json"])
            #expect(result.company.formerNames.count == 3)
        }
        if let url = SharedData.file("edgar/submissions/CIK0000320193-submissions-001.2023.json") {
            let rows = try SubmissionsParser.parsePage(Data(contentsOf: url), source: url.path)
            #expect(rows.count == 988)
            let oldest = try #require(rows.last)
            #expect(oldest.accession == "0000320193-94-000002")
            #expect(oldest.form == "10-Q")
            #expect(oldest.filingDate == "1994-01-26")
            #expect(oldest.items == nil)
        }
        if let url = SharedData.file("edgar/submissions/CIK0000310522.json") {
            let result = try SubmissionsParser.parse(Data(contentsOf: url), source: url.path)
            #expect(result.company.tickers.count == 16)
            #expect(result.company.tickers.first == "FNMA")
        }
    }
}
