import FilingsFormats
import FilingsModel
import Foundation

/// Reads a state's WARN file with the column map of its feed file: one notice per row.
struct WarnTableReader: Sendable {
    let feed: String
    let source: Source
    let spec: WarnTableSpec
    private let dates: WarnDateReader
    /// The normalized header names of each field, in the feed file's order (the first present wins).
    private let names: [WarnField: [String]]

    /// A reader for the feed `feed` (its id, named in errors) bringing `source`'s notices.
    init(feed: String, source: Source, spec: WarnTableSpec) {
        self.feed = feed
        self.source = source
        self.spec = spec
        dates = WarnDateReader(patterns: spec.dateFormats ?? [])
        names = spec.columns.mapValues { $0.map(Self.normalized) }
    }

    /// A reader for a state feed; nil when the feed has no `warn` block.
    init?(feed: FeedDefinition) {
        guard let spec = feed.warn else { return nil }
        self.init(feed: feed.id, source: feed.source, spec: spec)
    }

    /// Header text as compared: lower case, letters and digits only.
    static func normalized(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    private static let dateFields: [WarnField] = [.noticeDate, .receivedDate, .effectiveDate]

    /// Parses `data` (the format is the declared one, or sniffed when the spec declares none).
    /// `file` names the file in the notices and in errors.
    func parse(_ data: Data, file: String) throws -> WarnParseResult {
        let format = spec.format ?? WarnTableGrid.sniff(data)
        let tables = try WarnTableGrid.tables(data, format: format, spec: spec, source: file, feed: feed)
        return try parse(tables: tables, file: file)
    }

    /// Every table with a header row, read into notices (states publish one table per year on one
    /// page); throws `noHeader` when no table has one. A header with no rows under it is an empty
    /// table, not a changed one: the sync judges whether emptiness is news (`SuspectFile`).
    func parse(tables: [[WarnRow]], file: String) throws -> WarnParseResult {
        var notices: [WarnNotice] = []
        var diagnostics: [RowDiagnostic] = []
        var headed = false
        for table in tables {
            if let header = headerRow(in: table) {
                headed = true
                let read = read(table, header: header, file: file)
                notices += read.notices
                diagnostics += read.diagnostics
            }
        }
        if headed {
            return WarnParseResult(notices: WarnNoticeKey.uniquing(notices), diagnostics: diagnostics)
        }
        let required = (spec.headerRequires ?? [.company]).map { field in spec.columns[field]?.first ?? field.rawValue }
        throw WarnReportError.noHeader(
            source: file, feed: feed, looked: required + (spec.headerRequires == nil ? ["a date"] : []))
    }

    /// The number of fields the header row of `table` names, the best any of its first 50 rows does; 0 when none qualifies.
    func matchedFields(in table: [WarnRow]) -> Int {
        headerRow(in: table).map { $0.columns.count } ?? 0
    }

    /// The header row (among the first 50) and each field's column.
    func headerRow(in table: [WarnRow]) -> (index: Int, columns: [WarnField: Int])? {
        for (index, row) in table.prefix(50).enumerated() {
            let headers = row.cells.map { Self.normalized($0.text) }
            var columns: [WarnField: Int] = [:]
            for (field, known) in names {
                // The name listed first wins: a state's own header before a peer's renaming of another column.
                if let column = known.lazy.compactMap({ name in headers.firstIndex(of: name) }).first { columns[field] = column }
            }
            let required = spec.headerRequires ?? [.company]
            guard required.allSatisfy({ columns[$0] != nil }) else { continue }
            if spec.headerRequires == nil, !Self.dateFields.contains(where: { columns[$0] != nil }) { continue }
            return (index, columns)
        }
        return nil
    }

    private func read(_ table: [WarnRow], header: (index: Int, columns: [WarnField: Int]), file: String) -> WarnParseResult {
        var notices: [WarnNotice] = []
        var diagnostics: [RowDiagnostic] = []
        let headerTexts = Set(table[header.index].cells.map { Self.normalized($0.text) })
        for row in table.dropFirst(header.index + 1) {
            func cell(_ field: WarnField) -> WarnCell? {
                guard let column = header.columns[field], column < row.cells.count else { return nil }
                return row.cells[column]
            }
            func text(_ field: WarnField) -> String? {
                let cleaned = cell(field).map { WarnText.clean($0.text) } ?? ""
                return cleaned.isEmpty ? nil : cleaned
            }
            let filled = row.cells.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard let lead = filled.first else { continue }
            // A totals row ends the table; a company named "Total Control Products" does not.
            if ["total", "totals", "total:", "grand total"].contains(lead.lowercased()) { break }
            guard let company = text(.company) else {
                diagnostics.append(RowDiagnostic(line: row.number, message: "no company name; row skipped"))
                continue
            }
            // Paged pages and stacked yearly sheets repeat the header row.
            if headerTexts.contains(Self.normalized(company)) { continue }
            let notice = cell(.noticeDate).flatMap(dates.isoDate)
            let received = cell(.receivedDate).flatMap(dates.isoDate)
            let effective = cell(.effectiveDate).flatMap(dates.isoDate)
            if notice == nil, received == nil, effective == nil {
                diagnostics.append(RowDiagnostic(line: row.number, message: "no readable date for \(company); row skipped"))
                continue
            }
            let wording = text(.layoffOrClosure)
            notices.append(
                WarnNotice(
                    source: source, company: company, noticeDate: notice, receivedDate: received, effectiveDate: effective,
                    employees: text(.employees).flatMap(Self.count), layoffOrClosure: wording, county: text(.county),
                    address: text(.address), city: text(.city), industry: text(.industry),
                    temporary: text(.temporary).flatMap(Self.flag) ?? wording.flatMap(Self.temporary),
                    amendment: text(.amendment).flatMap(Self.flag), sourceFile: file, sourceRow: row.number))
        }
        return WarnParseResult(notices: notices, diagnostics: diagnostics)
    }

    /// The first whole number in the text ("1,234", "Up to 120", "206 (phase 1)"); nil when it has none.
    static func count(_ text: String) -> Int? {
        guard let range = text.range(of: #"\d[\d,]*"#, options: .regularExpression) else { return nil }
        return Int(text[range].replacingOccurrences(of: ",", with: ""))
    }

    /// A yes/no column: true for yes, the field's own word (temporary, amended) or a mark; false for no or permanent.
    static func flag(_ text: String) -> Bool? {
        let word = text.lowercased().trimmingCharacters(in: .whitespaces)
        if ["yes", "y", "true", "x", "1", "temporary", "temp", "amended", "amendment", "revised", "revision", "update"].contains(word)
            || word.hasPrefix("amend") || word.hasPrefix("temporar")
        {
            return true
        }
        if ["no", "n", "false", "0", "permanent", "original", "new"].contains(word) || word.hasPrefix("perman") { return false }
        return nil
    }

    /// Temporary or permanent from the layoff wording ("Layoff Temporary", "Permanent Closure"), when it says.
    static func temporary(_ wording: String) -> Bool? {
        let lower = wording.lowercased()
        if lower.contains("temporar") { return true }
        if lower.contains("permanent") { return false }
        return nil
    }
}
