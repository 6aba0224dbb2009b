import FilingsFormats
import FilingsModel
import Foundation

/// A state's WARN file as tables of rows, whatever its format: the one shape the column map reads.
enum WarnTableGrid {
    /// The format the bytes are in, from their first bytes: `PK` a workbook, `<` a page, `[` or `{` JSON, else CSV.
    static func sniff(_ data: Data) -> WarnTableFormat {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        let head = data.prefix(512).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        switch head.first {
        case UInt8(ascii: "<"): return .htmlTable
        case UInt8(ascii: "["), UInt8(ascii: "{"): return .json
        default: return .csv
        }
    }

    /// The tables of `data` read as `format`; a workbook gives one table per sheet, a page one per `<table>`.
    ///
    /// Throws `WarnReportError.wrongFormat` when the bytes are plainly another format than declared
    /// (an HTML page or a PDF where a workbook or CSV was expected: a moved file or a bot wall).
    static func tables(_ data: Data, format: WarnTableFormat, spec: WarnTableSpec, source: String, feed: String) throws -> [[WarnRow]] {
        let found = sniff(data)
        if PDFText.looksLikePDF(data) || (found != format && (found == .htmlTable || found == .xlsx || format == .xlsx)) {
            throw WarnReportError.wrongFormat(
                source: source, feed: feed, expected: format.label, found: PDFText.looksLikePDF(data) ? "a PDF" : found.label)
        }
        switch format {
        case .csv:
            guard let table = CSVTable(text: text(data)) else { return [] }
            return [[WarnRow(number: 1, cells: table.header.map(WarnCell.text))] + table.records.map { WarnRow(number: $0.line, cells: $0.fields.map(WarnCell.text)) }]
        case .xlsx:
            let workbook = try XlsxWorkbook(data: data, source: source)
            let sheets = spec.sheet.flatMap { name in workbook.sheets.filter { $0.name.trimmingCharacters(in: .whitespaces) == name } } ?? workbook.sheets
            return sheets.map { sheet in
                sheet.rows.map { row in
                    WarnRow(
                        number: row.number,
                        cells: row.cells.indices.map { index in
                            switch sheet.value(row: row.number, column: index) {
                            case .number(let value)?: .number(value)
                            case let cell?: .text(cell.text)
                            case nil: .text("")
                            }
                        })
                }
            }
        case .htmlTable:
            return HTMLTable.tables(text(data)).map { rows in rows.enumerated().map { WarnRow(number: $0.offset + 1, cells: $0.element.map(WarnCell.text)) } }
        case .json:
            return [try records(data, under: spec.jsonRecords, source: source, feed: feed)]
        }
    }

    /// Objects of a JSON array as rows under a header of their keys (the union, sorted: JSON objects have no order).
    private static func records(_ data: Data, under key: String?, source: String, feed: String) throws -> [WarnRow] {
        let top: Any
        do {
            top = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw WarnReportError.wrongFormat(source: source, feed: feed, expected: "JSON", found: "text that is not JSON")
        }
        let list: Any? = key.map { (top as? [String: Any])?[$0] as Any } ?? top
        guard let objects = (list as? [Any])?.compactMap({ $0 as? [String: Any] }) else { return [] }
        let keys = Set(objects.flatMap(\.keys)).sorted()
        var rows = [WarnRow(number: 1, cells: keys.map(WarnCell.text))]
        for (offset, object) in objects.enumerated() {
            rows.append(WarnRow(number: offset + 2, cells: keys.map { key in
                switch object[key] {
                case let text as String: .text(text)
                case let number as NSNumber: .text(number.stringValue)
                default: .text("")
                }
            }))
        }
        return rows
    }

    /// UTF-8 text, or Windows-1252 when the bytes are not UTF-8 (state CSVs saved from Excel often are not).
    static func text(_ data: Data) -> String {
        String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
    }
}

extension WarnTableFormat {
    /// The format as a reader says it: "a CSV file", "an HTML page".
    var label: String {
        switch self {
        case .csv: "a CSV file"
        case .xlsx: "an XLSX workbook"
        case .htmlTable: "an HTML page"
        case .json: "JSON"
        }
    }
}
