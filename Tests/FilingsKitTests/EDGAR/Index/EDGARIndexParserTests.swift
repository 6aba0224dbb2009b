import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite("EDGAR index parser (own fixtures)")
struct EDGARIndexParserTests {
    let isEightK: (String) -> Bool = { Filing.isCurrentReportForm($0) }

    @Test("daily master: rows right after the separator are kept, malformed rows counted")
    func dailyMaster() throws {
        let data = try SharedData.fixture("edgar/master.daily.idx")
        let (entries, report) = try EDGARIndexParser.entries(data, source: "master.daily.idx")
        #expect(report.kind == .master)
        #expect(report.period == .daily)
        #expect(report.description == "Daily Index of EDGAR Dissemination Feed")
        #expect(report.lastDataReceived == "Jan  6, 2020")
        #expect(report.rowsSeen == 8)
        #expect(report.rowsKept == 5)
        #expect(report.malformedCount == 3)
        #expect(report.malformed.map(\.line) == [12, 13, 14])
        #expect(report.malformed[0].reason.contains("truncated"))
        #expect(report.malformed[1].reason.contains("ABC123"))
        #expect(report.malformed[2].reason.contains("20201306"))
        let first = try #require(entries.first)
        #expect(
            first
                == IndexEntry(
                    cik: 1_005_284, companyName: #"UNIVERSAL DISPLAY CORP \PA\"#, form: "8-K", dateFiled: "2020-01-06",
                    path: "edgar/data/1005284/0001005284-20-000002.txt", accession: "0001005284-20-000002"))
        #expect(entries.prefix(3).map(\.cik) == [1_005_284, 1_000_229, 1_000_232])
        #expect(entries[2].dateFiled == "2019-12-31")
    }

    @Test("keepForm filters before decoding and is asked once per form")
    func keepFormFilter() throws {
        let data = try SharedData.fixture("edgar/master.daily.idx")
        var asked: [String] = []
        let (entries, report) = try EDGARIndexParser.entries(data, source: "fixture") { form in
            asked.append(form)
            return Filing.isCurrentReportForm(form)
        }
        #expect(entries.map(\.form) == ["8-K", "8-K/A", "8-K"])
        #expect(report.rowsKept == 3)
        #expect(Set(asked).count == asked.count)
        #expect(report.malformedCount == 3)
    }

    @Test("quarterly master: Cloud HTTP line, Filename column, ISO dates, pipe inside a name")
    func quarterlyMaster() throws {
        let data = try SharedData.fixture("edgar/master.quarterly.idx")
        let (entries, report) = try EDGARIndexParser.entries(data, source: "fixture")
        #expect(report.kind == .master)
        #expect(report.period == .quarterly)
        #expect(report.rowsSeen == 4)
        #expect(report.malformedCount == 0)
        #expect(entries[1].companyName == "KINGDOM CAPITAL PARTNERS | LP")
        #expect(entries[1].form == "SC 13G/A")
        #expect(entries.map(\.dateFiled) == ["2021-02-09", "2021-02-16", "2021-01-08", "2021-03-01"])
    }

    @Test("company.idx with a wrapped column header and an overflowing name")
    func wrappedCompanyIndex() throws {
        let data = try SharedData.fixture("edgar/company.wrapped.idx")
        let (entries, report) = try EDGARIndexParser.entries(data, source: "fixture")
        #expect(report.kind == .company)
        #expect(report.rowsSeen == 5)
        #expect(report.rowsKept == 4)
        #expect(
            report.malformed == [IndexParseReport.Issue(line: 16, reason: "truncated row: no file name at the end")])
        #expect(entries.map(\.form) == ["1-A POS", "8-K", "8-K/A", "D"])
        #expect(entries[1].companyName == #"ACME WIDGETS CORP \DE\"#)
        #expect(entries[2].companyName == "A VERY LONG COMPANY NAME THAT RUNS PAST ITS SIXTY-TWO CHARACTER COLUMN")
        #expect(entries[2].cik == 7_654_321)
    }

    @Test("form.idx with a form name overflowing its column, padded and unpadded rows")
    func overflowingFormIndex() throws {
        let data = try SharedData.fixture("edgar/form.overflow.idx")
        let (entries, report) = try EDGARIndexParser.entries(data, source: "fixture")
        #expect(report.kind == .form)
        #expect(report.malformedCount == 0)
        #expect(entries.map(\.form) == ["8-K", "8-K/A", "SCHEDULE 13D/A", "10-Q"])
        #expect(entries[2].companyName == "GAMMA PARTNERS LP")
        #expect(entries[2].cik == 2_345_678)
        #expect(entries[0].companyName == #"UNIVERSAL DISPLAY CORP \PA\"#)
        #expect(entries[3].dateFiled == "2025-01-06")
    }

    @Test("non-UTF-8 company names are read as Latin-1; CRLF line ends are accepted")
    func latin1AndCRLF() throws {
        var data = Data("Description:           Daily Index of EDGAR Dissemination Feed\r\n\r\n".utf8)
        data += Data("CIK|Company Name|Form Type|Date Filed|File Name\r\n\(String(repeating: "-", count: 80))\r\n".utf8)
        data +=
            Data("1234|SOCI".utf8) + Data([0xC9])
            + Data("T\u{E9} ANONYME|8-K|20200103|edgar/data/1234/0000001234-20-000001.txt\r\n".utf8)
        let (entries, report) = try EDGARIndexParser.entries(data, source: "fixture")
        #expect(report.malformedCount == 0)
        #expect(entries.first?.companyName == "SOCI\u{C9}T\u{C3}\u{A9} ANONYME")
        #expect(entries.first?.path == "edgar/data/1234/0000001234-20-000001.txt")
    }

    @Test("gzip-compressed index is read transparently")
    func gzipIndex() throws {
        let plain = try SharedData.fixture("edgar/master.daily.idx")
        let (plainEntries, _) = try EDGARIndexParser.entries(plain, source: "plain")
        let (entries, report) = try EDGARIndexParser.entries(StoredGzip.encode(plain), source: "master.idx.gz")
        #expect(entries == plainEntries)
        #expect(report.rowsSeen == 8)
    }

    @Test("header-only index has zero rows")
    func headerOnly() throws {
        let text =
            "Description:           Master Index of EDGAR Dissemination Feed by Form Type\n\n"
            + "Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
            + String(repeating: "-", count: 137) + "\n"
        let (entries, report) = try EDGARIndexParser.entries(Data(text.utf8), source: "empty")
        #expect(entries.isEmpty)
        #expect(report.kind == .form)
        #expect(report.period == .quarterly)
        #expect(report.rowsSeen == 0)
    }

    @Test(
        "bytes that are not an index throw an error naming the source",
        arguments: [
            ("", "is empty"),
            ("<!DOCTYPE html><html><body>Request Rate Threshold Exceeded</body></html>", "HTML or XML page"),
            (#"{"cik":"0000789019"}"#, "JSON"),
            ("just some text\nwith no header\n", "no column header"),
            (
                "Description: x\n\nCIK|Name|Form\n" + String(repeating: "-", count: 80) + "\n",
                "unfamiliar column header"
            ),
        ])
    func notAnIndex(input: String, message: String) throws {
        let error = #expect(throws: EDGARFormatError.self) {
            try EDGARIndexParser.parse(Data(input.utf8), source: "https://example.test/master.idx") { _ in }
        }
        let description = try #require(error?.errorDescription)
        #expect(description.hasPrefix("https://example.test/master.idx: "))
        #expect(description.contains(message))
    }

    @Test("truncated gzip is a compression error")
    func truncatedGzip() throws {
        let gzip = StoredGzip.encode(try SharedData.fixture("edgar/master.daily.idx"))
        #expect(throws: EDGARFormatError.self) {
            try EDGARIndexParser.parse(gzip.prefix(gzip.count / 2), source: "cut.gz") { _ in }
        }
    }

    @Test("an index entry becomes a Filing with the link it is given")
    func entryToFiling() throws {
        let (entries, _) = try EDGARIndexParser.entries(try SharedData.fixture("edgar/master.daily.idx"), source: "f")
        let filing = entries[0].filing(url: "https://mirror.example/index.htm", source: "f")
        #expect(filing.url == "https://mirror.example/index.htm")
        #expect(filing.accession == "0001005284-20-000002")
        #expect(filing.items == nil)
        #expect(filing.isCurrentReport)
    }

    @Test("only the first 20 malformed rows are described; all are counted; an error from each stops the parse")
    func issueLimitAndThrowingCallback() throws {
        var text =
            "Description:           Daily Index of EDGAR Dissemination Feed\n\n"
            + "CIK|Company Name|Form Type|Date Filed|File Name\n" + String(repeating: "-", count: 80) + "\n"
        for row in 0..<25 { text += "\(row)|NAME|8-K|2020\n" }
        text += "1|GOOD CO|8-K|20200103|edgar/data/1/0000000001-20-000001.txt\n"
        let (entries, report) = try EDGARIndexParser.entries(Data(text.utf8), source: "many")
        #expect(report.malformedCount == 25)
        #expect(report.malformed.count == IndexParseReport.issueLimit)
        #expect(report.malformed.first?.line == 5)
        #expect(entries.map(\.companyName) == ["GOOD CO"])

        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try EDGARIndexParser.parse(Data(text.utf8), source: "many") { _ in throw Stop() }
        }
    }
}
