import FilingsFormats
import FilingsModel
import Foundation

/// Reads EDD's current WARN workbook (`WARN_Report.xlsx`): one notice per site row.
public enum CaliforniaWarnWorkbook {
    /// The columns the parser looks for, found by header text because EDD renames and adds them.
    enum Column: CaseIterable {
        case county, noticeDate, receivedDate, effectiveDate, company, layoffOrClosure, employees, address, city, industry

        /// True when a header cell (letters only, lowercased) names this column.
        func matches(_ header: String) -> Bool {
            switch self {
            case .county: header.hasPrefix("county")
            case .noticeDate: header.hasPrefix("noticedate")
            case .receivedDate: header.hasPrefix("receiveddate") || header.hasPrefix("processeddate")
            case .effectiveDate: header.hasPrefix("effectivedate")
            case .company: header == "company" || header == "companyname" || header == "employer"
            case .layoffOrClosure: header.contains("layoff") || header.contains("closure")
            case .employees: header.contains("employees")
            case .address: header.contains("address")
            case .city: header == "city" || header == "location"
            case .industry: header.contains("industry")
            }
        }
    }

    /// Parses the workbook bytes. `source` is the file name stored in each notice and used in errors.
    ///
    /// Throws `XlsxError` for unreadable workbooks and `WarnReportError.noNoticeSheet` when no sheet
    /// has a header row with Company and Notice Date. Malformed rows are skipped into diagnostics.
    public static func parse(_ data: Data, source: String) throws -> WarnParseResult {
        let workbook = try XlsxWorkbook(data: data, source: source)
        for sheet in workbook.sheets {
            if let header = headerRow(in: sheet) {
                return parse(sheet: sheet, header: header, source: source)
            }
        }
        throw WarnReportError.noNoticeSheet(source: source, sheets: workbook.sheets.map(\.name))
    }

    /// The header row (within the first 30 rows) and the column index of each known header.
    static func headerRow(in sheet: XlsxSheet) -> (number: Int, columns: [Column: Int])? {
        for row in sheet.rows.prefix(30) {
            var columns: [Column: Int] = [:]
            for (index, cell) in row.cells.enumerated() {
                guard let text = cell?.text else { continue }
                let header = String(text.lowercased().filter { $0.isLetter })
                if let column = Column.allCases.first(where: { $0.matches(header) }), columns[column] == nil {
                    columns[column] = index
                }
            }
            if columns[.company] != nil, columns[.noticeDate] != nil { return (row.number, columns) }
        }
        return nil
    }

    private static func parse(sheet: XlsxSheet, header: (number: Int, columns: [Column: Int]), source: String) -> WarnParseResult {
        var notices: [WarnNotice] = []
        var diagnostics: [WarnParseResult.Diagnostic] = []
        for row in sheet.rows where row.number > header.number {
            let first = row.cells.compactMap { $0?.text }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            let lead = first.trimmingCharacters(in: .whitespaces).lowercased()
            if lead.hasPrefix("report summary") || lead == "total" || lead.hasPrefix("total ") { break }
            if first.isEmpty { continue }

            func raw(_ column: Column) -> String? {
                guard let index = header.columns[column] else { return nil }
                return sheet.value(row: row.number, column: index)?.text
            }
            func text(_ column: Column) -> String? {
                let cleaned = raw(column).map(WarnText.clean) ?? ""
                return cleaned.isEmpty ? nil : cleaned
            }
            func date(_ column: Column) -> String? {
                guard let index = header.columns[column], let cell = sheet.value(row: row.number, column: index) else { return nil }
                if case let .number(serial) = cell { return ExcelDate.isoDate(fromSerial: serial) }
                return WarnText.isoDate(cell.text)
            }

            guard let company = text(.company) else {
                diagnostics.append(.init(line: row.number, message: "no company name; row skipped"))
                continue
            }
            let notice = date(.noticeDate), received = date(.receivedDate), effective = date(.effectiveDate)
            if notice == nil, received == nil, effective == nil {
                diagnostics.append(.init(line: row.number, message: "no readable date for \(company); row skipped"))
                continue
            }
            let employeesText = text(.employees)
            let employees = employeesText.flatMap(WarnText.count)
            if let employeesText, employees == nil {
                diagnostics.append(.init(line: row.number, message: "unreadable employee count \"\(employeesText)\" for \(company); row skipped"))
                continue
            }
            let address = text(.address)
            let item = WarnNotice(
                company: company, noticeDate: notice, receivedDate: received, effectiveDate: effective,
                employees: employees, layoffOrClosure: text(.layoffOrClosure), county: text(.county),
                address: address,
                // The two spaces between street and city are lost once cleaned: read the city from the raw text.
                city: text(.city) ?? raw(.address).flatMap { WarnText.city(fromAddress: HTMLText.decodeEntities($0)) },
                industry: text(.industry), sourceFile: source, sourceRow: row.number
            )
            notices.append(item)
        }
        // Where street and city are run together with single spaces, look for a city other rows name.
        let knownCities = Set(notices.compactMap { $0.city?.lowercased() })
        for index in notices.indices where notices[index].city == nil {
            notices[index].city = notices[index].address.flatMap { WarnText.city(fromAddress: $0, knownCities: knownCities) }
        }
        return WarnParseResult(notices: WarnNoticeKey.uniquing(notices), diagnostics: diagnostics)
    }
}
