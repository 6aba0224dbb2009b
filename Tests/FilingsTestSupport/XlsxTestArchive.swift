import Foundation
import ZIPFoundation

/// Builds small xlsx (zip) files in memory from XML parts written by the tests.
enum XlsxTestArchive {
    /// A zip holding `entries` (path -> bytes), deflated.
    static func zip(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// A minimal, valid workbook with the given sheets (name -> sheet XML) and shared strings.
    static func workbook(sheets: [(name: String, xml: String)], sharedStrings: String?) throws -> Data {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var entries: [(String, Data)] = []
        entries.append(("[Content_Types].xml", Data("\(header)<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)))
        entries.append(("_rels/.rels", Data("""
        \(header)<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """.utf8)))
        let sheetElements = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rIdS\(index + 1)\"/>"
        }.joined()
        entries.append(("xl/workbook.xml", Data("\(header)<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>\(sheetElements)</sheets></workbook>".utf8)))
        // Relationship targets deliberately mix a relative and an absolute form, as real producers do.
        var relationships = sheets.indices.map { index in
            let target = index == 0 ? "worksheets/sheet\(index + 1).xml" : "/xl/worksheets/sheet\(index + 1).xml"
            return "<Relationship Id=\"rIdS\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"\(target)\"/>"
        }
        if sharedStrings != nil {
            relationships.append("<Relationship Id=\"rIdSST\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        }
        entries.append(("xl/_rels/workbook.xml.rels", Data("\(header)<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships.joined())</Relationships>".utf8)))
        if let sharedStrings {
            entries.append(("xl/sharedStrings.xml", Data("\(header)<sst xmlns=\"\(main)\">\(sharedStrings)</sst>".utf8)))
        }
        for (index, sheet) in sheets.enumerated() {
            entries.append(("xl/worksheets/sheet\(index + 1).xml", Data("\(header)<worksheet xmlns=\"\(main)\">\(sheet.xml)</worksheet>".utf8)))
        }
        return try zip(entries)
    }
}

extension XlsxTestArchive {
    /// A one-sheet workbook of `rows`: plain numbers as number cells (as Excel stores counts and
    /// date serials), everything else as inline strings.
    static func workbook(rows: [[String]], sheet: String = "Sheet1") throws -> Data {
        func column(_ index: Int) -> String {
            var name = ""
            var number = index + 1
            while number > 0 {
                let remainder = (number - 1) % 26
                name = String(UnicodeScalar(UInt8(65 + remainder))) + name
                number = (number - 1) / 26
            }
            return name
        }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let body = rows.enumerated().map { rowIndex, cells -> String in
            let xml = cells.enumerated().compactMap { index, text -> String? in
                guard !text.isEmpty else { return nil }
                let reference = "\(column(index))\(rowIndex + 1)"
                if Double(text) != nil, text.first != "0" || text == "0" {
                    return "<c r=\"\(reference)\"><v>\(text)</v></c>"
                }
                return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
            }.joined()
            return "<row r=\"\(rowIndex + 1)\">\(xml)</row>"
        }.joined()
        return try workbook(sheets: [(sheet, "<sheetData>\(body)</sheetData>")], sharedStrings: nil)
    }
}
