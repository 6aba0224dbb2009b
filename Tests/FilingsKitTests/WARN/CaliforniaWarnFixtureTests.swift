import Foundation
import Testing
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The parsers on small inputs written here, true to EDD's formats (run without the shared corpus).
@Suite("California WARN on own fixtures")
struct CaliforniaWarnFixtureTests {
    @Test("layout text: columns by position, wrapped names, missing date and count, summary ignored")
    func layoutText() throws {
        let text = String(decoding: try SharedData.fixture("warn/fy-report-layout.txt"), as: UTF8.self)
        let result = CaliforniaWarnPDF.parse(text: text, source: "fixture.pdf")
        #expect(result.notices.map(\.company) == [
            "Harbor Bay Club, Inc", "ADESA California, LLC dba ADESA/AFC Los Angeles", "K&N Engineering, Inc.",
            "Benchmark Arrowhead, LLC", "Dream Center Education Holdings, LLC", "Darden Restaurants, Inc. - Maggiano's", "Allergan plc",
            "NBCUniversal Media, LLC", "NBCUniversal Media, LLC - Digital Lab",
        ])
        #expect(result.diagnostics == [.init(line: 25, message: "no company name; row skipped")])
        let first = result.notices[0]
        #expect(first.noticeDate == "2020-06-10" && first.effectiveDate == "2020-06-09" && first.receivedDate == "2020-06-30")
        #expect(first.city == "Alameda" && first.county == "Alameda County" && first.employees == 80 && first.kind == .layoff)
        #expect(first.sourceRow == 7 && first.sourceFile == "fixture.pdf")
        // City and county run together with one space: split before the county seen on a clean row.
        let dream = result.notices[4]
        #expect(dream.city == "San Bernardino" && dream.county == "San Bernardino County" && dream.kind == .closure)
        let darden = result.notices[5]
        #expect(darden.noticeDate == "2020-05-06" && darden.effectiveDate == nil && darden.receivedDate == "2020-05-20")
        #expect(darden.layoffOrClosure == "Layoff Temporary Unknown at this time")
        #expect(result.notices[6].employees == nil)
        #expect(result.notices[8].city == "Universal City" && result.notices[8].employees == 12)
        #expect(Set(result.notices.map(\.key)).count == result.notices.count)
    }

    static let sharedStrings = [
        "WARN Summary", "County/Parish", "Notice\nDate", "Processed Date", "Effective Date", "Company", "Layoff/\nClosure",
        "No. Of\nEmployees", "Address", "Related Industry", "Alameda County", "Meta Platforms, Inc.", "Layoff Permanent",
        "1 Hacker Way  Menlo Park CA 94025", "Information", "David&rsquo;s\nBridal", "Closure Permanent",
        "550 Main St, Suite 2, Fresno, CA 93721", "Retail", "Report Summary", "Total", "many",
    ].map { "<si><t xml:space=\"preserve\">\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined()

    static func row(_ number: Int, _ cells: [(String, String)]) -> String {
        "<row r=\"\(number)\">" + cells.map { reference, value in
            value.hasPrefix("s")
                ? "<c r=\"\(reference)\(number)\" t=\"s\"><v>\(value.dropFirst())</v></c>"
                : "<c r=\"\(reference)\(number)\"><v>\(value)</v></c>"
        }.joined() + "</row>"
    }

    /// EDD's layout: title rows, header on row 4 with merged cells, data, summary; sheet name with a trailing space.
    static var reportSheet: String {
        let rows = [
            row(1, [("A", "s0")]),
            row(4, [("A", "s1"), ("B", "s2"), ("C", "s3"), ("E", "s4"), ("F", "s5"), ("I", "s6"), ("K", "s7"), ("M", "s8"), ("O", "s9")]),
            row(5, [("A", "s10"), ("B", "44874"), ("C", "44875"), ("E", "44935"), ("F", "s11"), ("I", "s12"), ("K", "1000"), ("M", "s13"), ("O", "s14")]),
            row(6, [("A", "s10"), ("B", "44874"), ("C", "44875"), ("E", "44935"), ("F", "s15"), ("I", "s16"), ("K", "61"), ("M", "s17"), ("O", "s18")]),
            row(7, [("A", "s10"), ("B", "44874")]),
            row(8, [("A", "s10"), ("B", "44874"), ("F", "s11"), ("K", "s21")]),
            row(9, [("A", "s19"), ("C", "s7")]),
            row(10, [("A", "s20"), ("C", "1061")]),
            row(11, [("A", "s10"), ("B", "44874"), ("F", "s11"), ("K", "5")]),
        ]
        let merges = ["C4:D4", "F4:H4", "I4:J4", "K4:L4", "M4:N4", "C5:D5", "F5:H5", "C6:D6", "F6:H6"]
        return "<sheetData>\(rows.joined())</sheetData><mergeCells count=\"\(merges.count)\">"
            + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
    }

    @Test("workbook: sheet and columns found by header text, merged cells, dates, city, summary stops")
    func workbook() throws {
        let data = try XlsxTestArchive.workbook(
            sheets: [("Summary", Self.row(1, [("A", "s19")])), ("Detailed WARN Report ", Self.reportSheet)],
            sharedStrings: Self.sharedStrings
        )
        let result = try CaliforniaWarnWorkbook.parse(data, source: "WARN_Report.xlsx")
        #expect(result.notices.count == 2)
        #expect(result.diagnostics.map(\.line) == [7, 8])
        #expect(result.diagnostics[1].message.contains("many"))
        let meta = try #require(result.notices.first)
        #expect(meta.company == "Meta Platforms, Inc." && meta.employees == 1000 && meta.kind == .layoff)
        #expect(meta.noticeDate == "2022-11-09" && meta.receivedDate == "2022-11-10" && meta.effectiveDate == "2023-01-09")
        #expect(meta.address == "1 Hacker Way Menlo Park CA 94025" && meta.city == "Menlo Park")
        #expect(meta.county == "Alameda County" && meta.industry == "Information" && meta.sourceRow == 5)
        let bridal = result.notices[1]
        #expect(bridal.company == "David\u{2019}s Bridal" && bridal.city == "Fresno" && bridal.kind == .closure)
    }

    @Test("a workbook without a notice sheet is an error naming the file and its sheets")
    func noNoticeSheet() throws {
        let data = try XlsxTestArchive.workbook(sheets: [("Other", Self.row(1, [("A", "s0")]))], sharedStrings: Self.sharedStrings)
        #expect(throws: WarnReportError.noNoticeSheet(source: "odd.xlsx", sheets: ["Other"])) {
            try CaliforniaWarnWorkbook.parse(data, source: "odd.xlsx")
        }
    }

    @Test("the third-party copy of the FY 2022-23 workbook (title rows removed, shortened headers)")
    func thirdPartyCopy() throws {
        guard let url = SharedData.file("warn/ca/third_party_edited/warn_report_2022_first100rows.xlsx") else { return }
        let result = try CaliforniaWarnWorkbook.parse(try Data(contentsOf: url), source: url.lastPathComponent)
        #expect(result.notices.count == 99 && result.diagnostics.isEmpty)
        let amgen = try #require(result.notices.first)
        #expect(amgen.company == "Amgen" && amgen.noticeDate == "2022-06-15" && amgen.employees == 2 && amgen.city == "Newark")
        #expect(amgen.layoffOrClosure == "Closure Permanent" && amgen.sourceRow == 2)
    }
}

@Suite("California WARN report by content")
struct CaliforniaWarnReportTests {
    @Test("a workbook, a PDF and an HTML page are told apart by their bytes, not their names")
    func dispatch() throws {
        let workbook = try XlsxTestArchive.workbook(
            sheets: [("Detailed WARN Report ", CaliforniaWarnFixtureTests.reportSheet)], sharedStrings: CaliforniaWarnFixtureTests.sharedStrings
        )
        #expect(try CaliforniaWarnReport.parse(workbook, source: "report.pdf").notices.count == 2)
        let html = Data("<!DOCTYPE html><html><title>Error</title></html>".utf8)
        #expect(throws: XlsxError.self) { try CaliforniaWarnReport.parse(html, source: "WARN_Report.xlsx") }
        #expect {
            try CaliforniaWarnReport.parse(html, source: "WARN-Report-for-7-1-2020-to-06-30-2021.pdf ")
        } throws: { error in
            (error as? LocalizedError)?.errorDescription?.contains("WARN-Report-for-7-1-2020-to-06-30-2021.pdf") == true
        }
        guard let pdf = SharedData.file("warn/ca/edd_raw_2022-02-05/WARN-Report-for-7-1-2016-to-06-30-2017.pdf") else { return }
        #expect(try CaliforniaWarnReport.parse(try Data(contentsOf: pdf), source: "FY2016-17").notices.count == 654)
    }
}
