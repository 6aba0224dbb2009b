import Foundation
import Testing
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite("xlsx reader")
struct XlsxWorkbookTests {
    static let sharedStrings = """
    <si><t>Company</t></si>\
    <si><r><rPr><b/></rPr><t xml:space="preserve">No. Of
    </t></r><r><t>Employees</t></r></si>\
    <si><t>David&amp;rsquo;s Bridal</t></si>\
    <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>
    """

    static let firstSheet = """
    <sheetData>\
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>\
    <row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3"><v>63</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" s="2"><v>44372</v></c></row>\
    <row r="4"><c r="A4" t="inlineStr"><is><t>Inline &lt;Co&gt;</t></is></c><c r="B4" t="s"><v>3</v></c><c r="AA4"><v>-1.5</v></c></row>\
    </sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>
    """

    static let secondSheet = """
    <sheetData><row r="2"><c r="B2" t="str"><f>A1&amp;"x"</f><v>formula text</v></c><c t="e"><v>#N/A</v></c></row></sheetData>
    """

    @Test("shared, rich-text and inline strings, numbers, booleans, gaps, merges and two sheets")
    func readsCells() throws {
        let data = try XlsxTestArchive.workbook(
            sheets: [("Detailed WARN Report ", Self.firstSheet), ("Summary", Self.secondSheet)],
            sharedStrings: Self.sharedStrings
        )
        let workbook = try XlsxWorkbook(data: data, source: "test.xlsx")
        #expect(workbook.sheets.map(\.name) == ["Detailed WARN Report ", "Summary"])
        #expect(workbook.sheet(named: "detailed warn report")?.name == "Detailed WARN Report ")
        let sheet = workbook.sheets[0]
        #expect(sheet.rows.map(\.number) == [1, 3, 4])
        #expect(sheet.cell(row: 1, column: 0) == .text("Company"))
        #expect(sheet.cell(row: 1, column: 1) == nil)
        #expect(sheet.cell(row: 1, column: 2) == .text("No. Of\nEmployees"))
        #expect(sheet.cell(row: 3, column: 0) == .text("David&rsquo;s Bridal"))
        #expect(sheet.cell(row: 3, column: 2) == .number(63))
        #expect(sheet.cell(row: 3, column: 3) == .boolean(true))
        #expect(sheet.cell(row: 3, column: 4).flatMap(\.number).flatMap(ExcelDate.isoDate(fromSerial:)) == "2021-06-25")
        #expect(sheet.cell(row: 4, column: 0) == .text("Inline <Co>"))
        #expect(sheet.cell(row: 4, column: 1) == .text("東京"))
        #expect(sheet.cell(row: 4, column: 26) == .number(-1.5))
        #expect(sheet.rows[2].cells.count == 27)
        #expect(sheet.merges == [XlsxRange("A3:B3")].compactMap { $0 })
        #expect(sheet.cell(row: 3, column: 1) == nil)
        #expect(sheet.value(row: 3, column: 1) == .text("David&rsquo;s Bridal"))
        #expect(sheet.value(row: 2, column: 1) == nil)
        let second = workbook.sheets[1]
        #expect(second.cell(row: 2, column: 1) == .text("formula text"))
        #expect(second.cell(row: 2, column: 2) == .error("#N/A"))
    }

    @Test("a workbook without shared strings reads inline strings")
    func noSharedStrings() throws {
        let sheet = #"<sheetData><row><c t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c><c><v>2</v></c></row></sheetData>"#
        let workbook = try XlsxWorkbook(data: try XlsxTestArchive.workbook(sheets: [("S", sheet)], sharedStrings: nil), source: "inline.xlsx")
        #expect(workbook.sheets[0].rows == [XlsxRow(number: 1, cells: [.text("ab"), .number(2)])])
    }

    @Test("cell references and column letters")
    func references() {
        #expect(XlsxCellReference.columnIndex("A") == 0)
        #expect(XlsxCellReference.columnIndex("Z") == 25)
        #expect(XlsxCellReference.columnIndex("AA") == 26)
        #expect(XlsxCellReference.columnIndex("XFD") == 16_383)
        #expect(XlsxCellReference.columnLetters(26) == "AA")
        #expect(XlsxCellReference("$C$12") == XlsxCellReference(column: 2, row: 12))
        #expect(XlsxCellReference("12C") == nil)
        #expect(XlsxCellReference("A0") == nil)
        #expect(XlsxRange("D4:C3")?.start == XlsxCellReference(column: 2, row: 3))
    }

    @Test("Excel serial dates, 1900 system with the phantom 1900-02-29")
    func serialDates() {
        #expect(ExcelDate.isoDate(fromSerial: 1) == "1900-01-01")
        #expect(ExcelDate.isoDate(fromSerial: 59) == "1900-02-28")
        #expect(ExcelDate.isoDate(fromSerial: 60) == "1900-02-29")
        #expect(ExcelDate.dateFromSerial(60) == nil)
        #expect(ExcelDate.isoDate(fromSerial: 61) == "1900-03-01")
        #expect(ExcelDate.isoDate(fromSerial: 44_372) == "2021-06-25")
        #expect(ExcelDate.isoDate(fromSerial: 45_658.75) == "2025-01-01")
        #expect(ExcelDate.isoDate(fromSerial: 0) == nil)
        #expect(ExcelDate.dateFromSerial(44_372) == Date(timeIntervalSince1970: 1_624_579_200))
    }

    @Test("the real EDD workbook: header on row 4, merged header and data cells")
    func realWorkbook() throws {
        guard let url = SharedData.file("warn/ca/edd_raw_2022-02-05/WARN_Report.xlsx") else { return }
        let workbook = try XlsxWorkbook(data: try Data(contentsOf: url), source: url.lastPathComponent)
        let sheet = try #require(workbook.sheets.first)
        #expect(workbook.sheets.count == 1)
        #expect(sheet.cell(row: 4, column: 0) == .text("County/Parish"))
        #expect(sheet.cell(row: 4, column: 8) == .text("Layoff/\nClosure"))
        #expect(sheet.merges.count == 1_872)
        #expect(sheet.merge(containingRow: 5, column: 3) == XlsxRange("C5:D5"))
        #expect(sheet.value(row: 5, column: 3) == sheet.cell(row: 5, column: 2))
        #expect(sheet.cell(row: 5, column: 1) == .number(44_372))
    }

    @Test("every other real workbook in the corpus opens")
    func otherRealWorkbooks() throws {
        let urls = SharedData.files(under: "warn").filter { $0.pathExtension == "xlsx" }
        for url in urls {
            let workbook = try XlsxWorkbook(data: try Data(contentsOf: url), source: url.lastPathComponent)
            #expect(!workbook.sheets.isEmpty && workbook.sheets.allSatisfy { !$0.rows.isEmpty }, "\(url.lastPathComponent)")
        }
    }

    @Test("Iowa's WARN workbook embedded (base64) in a recorded HTTP session")
    func iowaWorkbook() throws {
        guard let url = SharedData.file("warn/other_states/cassettes_2022-02/IA.yaml") else { return }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let uri = try #require(lines.firstIndex { $0.contains("uri:") && $0.contains(".xlsx") })
        let start = try #require(lines[uri...].firstIndex { $0.contains("!!binary") })
        let base64 = lines[(start + 1)...].prefix { $0.hasPrefix("        ") }.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        let data = try #require(Data(base64Encoded: base64))
        let sheet = try #require(try XlsxWorkbook(data: data, source: "WARN_20220204.xlsx").sheets.first)
        // 905 <row> elements, of which rows 302-905 are styled but empty: only rows with values are kept.
        #expect(sheet.rows.count == 301 && sheet.rows.last?.number == 301)
        #expect(sheet.rows[0].cells.compactMap { $0?.text } == ["Company", "Address Line 1", "City", "County", "St", "ZIP", "Notice Type", "Emp #", "Notice Date", "Layoff Date"])
        #expect(sheet.cell(row: 2, column: 0) == .text("Rockwell Collins"))
        #expect(sheet.cell(row: 2, column: 9).flatMap(\.number).flatMap(ExcelDate.isoDate(fromSerial:)) == "2017-03-10")
    }
}
