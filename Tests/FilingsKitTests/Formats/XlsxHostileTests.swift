import Foundation
import Testing
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("xlsx reader refuses hostile files")
struct XlsxHostileTests {
    private func minimalParts(sheet: String = "<sheetData/>") -> [(path: String, data: Data)] {
        [
            ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet>\(sheet)</worksheet>".utf8)),
        ]
    }

    @Test("the minimal parts alone are a readable workbook (so the refusals below are about the hostile part)")
    func minimalIsReadable() throws {
        let workbook = try XlsxWorkbook(data: try XlsxTestArchive.zip(minimalParts()), source: "ok.xlsx")
        #expect(workbook.sheets.map(\.name) == ["S"])
    }

    @Test("a highly compressible big entry (zip bomb) is refused by ratio, and by total size")
    func zipBomb() throws {
        let zeros = Data(count: 20 << 20)
        let data = try XlsxTestArchive.zip(minimalParts() + [("xl/media/padding.bin", zeros)])
        #expect(data.count < 1 << 20)
        #expect {
            try XlsxWorkbook(data: data, source: "bomb.xlsx")
        } throws: { error in
            guard case let .tooLarge(source, path, _) = error as? XlsxError else { return false }
            return source == "bomb.xlsx" && path == "xl/media/padding.bin"
        }
        let small = XlsxLimits(maxEntryBytes: 1 << 30, maxTotalBytes: 1 << 20, maxCompressionRatio: 1 << 20, ratioFloorBytes: 1 << 30)
        #expect(throws: XlsxError.self) { try XlsxWorkbook(data: data, source: "bomb.xlsx", limits: small) }
        let message = (try? XlsxWorkbook(data: data, source: "bomb.xlsx")).map { _ in "" }
            ?? XlsxError.tooLarge(source: "bomb.xlsx", path: "p", reason: "r").localizedDescription
        #expect(message.contains("bomb.xlsx"))
    }

    @Test("cells referenced far away on many rows are refused before they exhaust memory")
    func farReferences() throws {
        let rows = (1...50).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        let data = try XlsxTestArchive.zip(minimalParts(sheet: "<sheetData>\(rows)</sheetData>"))
        let limits = XlsxLimits(maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 20, maxCompressionRatio: 200, ratioFloorBytes: 1 << 20, maxCellSlots: 100_000)
        #expect {
            try XlsxWorkbook(data: data, source: "far.xlsx", limits: limits)
        } throws: { error in
            guard case let .tooLarge(source, path, _) = error as? XlsxError else { return false }
            return source == "far.xlsx" && path == "xl/worksheets/sheet1.xml"
        }
        #expect(try XlsxWorkbook(data: data, source: "far.xlsx").sheets[0].rows.count == 50)
    }

    @Test("entry paths with .. or an absolute path are refused")
    func traversal() throws {
        for path in ["../../etc/passwd", "xl/../../evil.xml", "/etc/evil.xml"] {
            let data = try XlsxTestArchive.zip(minimalParts() + [(path, Data("x".utf8))])
            #expect(throws: XlsxError.unsafeEntryPath(source: "evil.xlsx", path: path)) {
                try XlsxWorkbook(data: data, source: "evil.xlsx")
            }
        }
    }

    @Test("a DOCTYPE with an ENTITY in any XML part is refused")
    func entityExpansion() throws {
        let laughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\
        <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
        """
        var parts = minimalParts()
        parts[2] = ("xl/worksheets/sheet1.xml", Data(laughs.utf8))
        #expect(throws: XlsxError.forbiddenDeclaration(source: "lol.xlsx", path: "xl/worksheets/sheet1.xml")) {
            try XlsxWorkbook(data: try XlsxTestArchive.zip(parts), source: "lol.xlsx")
        }
        let external = #"<!doctype sst SYSTEM "file:///etc/passwd"><sst/>"#
        let withStrings = minimalParts() + [("xl/sharedStrings.xml", Data(external.utf8))]
        #expect(throws: XlsxError.forbiddenDeclaration(source: "ext.xlsx", path: "xl/sharedStrings.xml")) {
            try XlsxWorkbook(data: try XlsxTestArchive.zip(withStrings), source: "ext.xlsx")
        }
    }

    @Test("an HTML page saved as .xlsx is an error naming the file")
    func htmlBytes() {
        let html = Data("<!DOCTYPE html><html><head><title>Page not found</title></head></html>".utf8)
        #expect {
            try XlsxWorkbook(data: html, source: "WARN_Report.xlsx")
        } throws: { error in
            guard let error = error as? XlsxError, case .notAZipArchive = error else { return false }
            return error.localizedDescription.contains("WARN_Report.xlsx") && error.localizedDescription.contains("<!DOCTYPE html>")
        }
    }

    @Test("zip signature with a damaged body, and a zip without workbook.xml")
    func damaged() throws {
        var truncated = try XlsxTestArchive.zip(minimalParts())
        truncated = truncated.prefix(truncated.count / 2)
        #expect(throws: XlsxError.self) { try XlsxWorkbook(data: truncated, source: "half.xlsx") }
        let noWorkbook = try XlsxTestArchive.zip([("docProps/app.xml", Data("<a/>".utf8))])
        #expect(throws: XlsxError.missingPart(source: "odd.xlsx", path: "xl/workbook.xml")) {
            try XlsxWorkbook(data: noWorkbook, source: "odd.xlsx")
        }
        let broken = minimalParts(sheet: "<sheetData><row></sheetData>")
        #expect(throws: XlsxError.self) { try XlsxWorkbook(data: try XlsxTestArchive.zip(broken), source: "bad.xlsx") }
    }
}
