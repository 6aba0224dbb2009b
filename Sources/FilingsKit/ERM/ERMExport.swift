import FilingsFormats
import FilingsModel
import Foundation

/// Reads Eurofound's restructuring-events CSV export (`/restructuring-events/factsheetscsv`).
///
/// Columns `Id, Announcement date, Country, Company, Sector, Restructuring type, Employment Change`
/// are found by header name (case, spacing and order do not matter); UTF-8 with or without BOM;
/// quoted fields may hold commas and line breaks.
public enum ERMExport {
    enum Column: String, CaseIterable {
        case id, announcementDate = "announcementdate", country, company, sector
        case restructuringType = "restructuringtype", employmentChange = "employmentchange"

        static let required: [Column] = [.id, .announcementDate, .country, .company]
    }

    /// Parses an export. `siteBase` is e.g. `https://apps.eurofound.europa.eu`; event URLs are built from it.
    ///
    /// Throws `ERMExportError` when the body is HTML, not UTF-8, or lacks required columns; bad
    /// records (no id, no company, unreadable date or change, repeated id) are skipped into diagnostics.
    public static func parse(_ data: Data, source: String, siteBase: URL) throws -> ERMParseResult {
        guard let text = String(data: data, encoding: .utf8) else { throw ERMExportError.notUTF8(source: source) }
        let head = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(15).lowercased()
        if head.hasPrefix("<") {  // <!DOCTYPE html>, <html>, <?xml ...>: an error or login page
            throw ERMExportError.htmlInsteadOfCSV(source: source)
        }
        guard let table = CSVTable(text: text) else {
            throw ERMExportError.missingColumns(source: source, missing: Column.required.map(\.rawValue), header: [])
        }
        var index: [Column: Int] = [:]
        for (position, name) in table.header.enumerated() {
            let key = String(name.lowercased().filter { $0.isLetter })
            if let column = Column(rawValue: key), index[column] == nil { index[column] = position }
        }
        let missing = Column.required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ERMExportError.missingColumns(source: source, missing: missing.map(\.rawValue), header: table.header)
        }

        let detailBase = siteBase.absoluteString.hasSuffix("/") ? String(siteBase.absoluteString.dropLast()) : siteBase.absoluteString
        var events: [ERMEvent] = []
        var diagnostics: [ERMParseResult.Diagnostic] = []
        var seen: Set<String> = []
        for record in table.records {
            if record.line == table.unterminatedQuoteLine {
                diagnostics.append(.init(line: record.line, message: "unterminated quote: the rest of the file reads as one field; record skipped"))
                continue
            }
            func field(_ column: Column) -> String? {
                guard let position = index[column], record.fields.indices.contains(position) else { return nil }
                let value = WarnText.collapse(record.fields[position])
                return value.isEmpty ? nil : value
            }
            func skip(_ message: String) { diagnostics.append(.init(line: record.line, message: message)) }

            guard let id = field(.id), id.allSatisfy(\.isNumber) else { skip("missing or non-numeric Id \"\(field(.id) ?? "")\""); continue }
            guard let company = field(.company) else { skip("event \(id) has no company"); continue }
            guard let date = field(.announcementDate).flatMap(isoDate) else {
                skip("event \(id): unreadable announcement date \"\(field(.announcementDate) ?? "")\""); continue
            }
            var change: Int?
            if let raw = field(.employmentChange) {
                guard let value = employmentChange(raw) else { skip("event \(id): unreadable employment change \"\(raw)\""); continue }
                change = value
            }
            guard seen.insert(id).inserted else { skip("event \(id) repeated; first occurrence kept"); continue }
            events.append(ERMEvent(
                id: id, announcementDate: date, country: field(.country) ?? "", company: company,
                sector: field(.sector), restructuringType: field(.restructuringType), employmentChange: change,
                url: "\(detailBase)/restructuring-events/detail/\(id)"
            ))
        }
        return ERMParseResult(events: events, diagnostics: diagnostics)
    }

    /// A valid ISO `YYYY-MM-DD` date; day-first European forms are refused rather than guessed.
    static func isoDate(_ text: String) -> String? {
        guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return nil }
        return WarnText.isoDate(text)
    }

    /// `-490`, `+100`, `1,200`, `−35` (Unicode minus) as a signed integer.
    static func employmentChange(_ text: String) -> Int? {
        var cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        cleaned = cleaned.replacingOccurrences(of: "\u{2212}", with: "-")
        if cleaned.hasPrefix("+") { cleaned.removeFirst() }
        return Int(cleaned)
    }
}
