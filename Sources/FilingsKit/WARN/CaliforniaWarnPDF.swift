import FilingsFormats
import FilingsModel
import Foundation

/// Reads the text of EDD's fiscal-year WARN PDFs (`pdftotext -layout` output, see `PDFText`).
///
/// Two layouts exist. Fiscal-year reports (2014-2020) have one line per site starting with the
/// notice, effective and received dates, then Company, City, County (from FY 2017-18), the
/// employee count and "Layoff/Closure"; from FY 2019-20 long values wrap onto continuation lines.
/// The 2012-2014 "Listing of WARN Notices by Company Name" has Company, Location, Employees
/// Affected and Layoff Date. Columns are found by position: headers are centred, so the column
/// starts are learned per page from the rows whose cells are separated by at least two spaces,
/// and then applied to rows where a long value leaves a single space ("San Bernardino San Bernardino").
public enum CaliforniaWarnPDF {
    enum TextColumn { case company, city, county }

    struct Row {
        var line: Int
        var page: Int
        var dates: [LayoutLine.Word]
        /// Every word after the dates, as printed on the row's line.
        var body: [LayoutLine.Word]
        var middle: [LayoutLine.Word]
        var employees: Int?
        var layoff: [LayoutLine.Word]
        var continuation: [LayoutLine] = []
        var carriedCompany: [LayoutLine.Word] = []
    }

    /// Parses the layout text of one report. `source` is the file name stored in each notice.
    public static func parse(text: String, source: String) -> WarnParseResult {
        let lines = LayoutLine.lines(of: text)
        if text.range(of: "Listing of WARN Notices by Company Name", options: .caseInsensitive) != nil {
            return CaliforniaWarnListingPDF.parse(lines: lines, source: source)
        }
        let columns = textColumns(lines)
        var rows: [Row] = []
        var previousLine = 0
        for line in lines where !line.isBlank {
            defer { previousLine = line.number }
            if let row = row(from: line) {
                rows.append(row)
            } else if isSummary(line) {
                break
            } else if let last = rows.indices.last, line.number == previousLine + 1 {
                // Wrapped values sit on the lines right below their row, never after a blank line.
                if rows[last].layoff.isEmpty, let body = tail(of: line.words, after: 0), !body.layoff.isEmpty {
                    // The wrapped end of the previous company ("06788") sits on this row's date line
                    // and the row's own cells on the next line (the 2014 interim report does this).
                    if last > 0 { rows[last - 1].carriedCompany += rows[last].body }
                    rows[last].middle = body.middle
                    rows[last].employees = body.employees
                    rows[last].layoff = body.layoff
                } else {
                    rows[last].continuation.append(line)
                }
            }
        }
        return notices(from: rows, columns: columns, source: source)
    }

    /// Company, City and County columns, as named by the header lines.
    static func textColumns(_ lines: [LayoutLine]) -> [TextColumn] {
        guard let headerIndex = lines.firstIndex(where: { $0.words.contains { $0.text.lowercased() == "company" } }) else {
            return [.company, .city]
        }
        let block = lines[max(0, headerIndex - 2)...min(lines.count - 1, headerIndex + 2)].flatMap(\.words).map { $0.text.lowercased() }
        var columns: [TextColumn] = [.company]
        if block.contains("city") || block.contains("location") { columns.append(.city) }
        if block.contains("county") { columns.append(.county) }
        return columns
    }

    /// The monthly summary table that ends each report ("Summary by Month", "Employees Affected / Permanent / Not Identified").
    private static func isSummary(_ line: LayoutLine) -> Bool {
        let text = line.text.lowercased()
        return text.contains("summary by month") || text.contains("report summary") || text.contains("not identified")
            || (text.contains("permanent") && (text.contains("temporary") || text.contains("employees")))
    }

    static func isDate(_ text: String) -> Bool {
        text.range(of: #"^\d{1,2}/\d{1,2}/(\d{2}|\d{4})$"#, options: .regularExpression) != nil
    }

    /// A row line: up to three leading dates, then the text cells, the count and the Layoff/Closure wording.
    private static func row(from line: LayoutLine) -> Row? {
        let words = line.words
        var dateCount = 0
        while dateCount < min(3, words.count), isDate(words[dateCount].text) { dateCount += 1 }
        // A single leading date is the title line ("07/01/2019 - 06/30/2020"), not a row.
        guard dateCount >= 2 else { return nil }
        let body = tail(of: words, after: dateCount) ?? (Array(words[dateCount...]), nil, [])
        return Row(line: line.number, page: line.page, dates: Array(words[..<dateCount]), body: Array(words[dateCount...]), middle: body.middle,
                   employees: body.employees, layoff: body.layoff)
    }

    /// Splits words after `start` into text cells, employee count and Layoff/Closure wording; nil without a count or wording.
    static func tail(of words: [LayoutLine.Word], after start: Int) -> (middle: [LayoutLine.Word], employees: Int?, layoff: [LayoutLine.Word])? {
        var end = words.count
        var layoff: [LayoutLine.Word] = []
        if let index = words.indices.last(where: { $0 >= start && ["layoff", "closure"].contains(words[$0].text.lowercased()) }) {
            layoff = Array(words[index...])
            end = index
        }
        var employees: Int?
        if end > start, words[end - 1].text.first?.isNumber == true, let count = WarnText.count(words[end - 1].text) {
            employees = count
            end -= 1
        }
        guard employees != nil || !layoff.isEmpty else { return nil }
        return (Array(words[start..<end]), employees, layoff)
    }

    private static func notices(from rows: [Row], columns: [TextColumn], source: String) -> WarnParseResult {
        var textAnchors = ColumnAnchors(columns: columns.count)
        var dateAnchors = ColumnAnchors(columns: 3)
        var layoffAnchors = ColumnAnchors(columns: 1)
        var known = Array(repeating: Set<String>(), count: columns.count)
        for row in rows {
            let chunks = LayoutLine.chunks(row.middle)
            if chunks.count == columns.count {
                for (column, chunk) in chunks.enumerated() {
                    textAnchors.observe(page: row.page, column: column, start: chunk[0].start)
                    known[column].insert(LayoutLine.join(chunk).lowercased())
                }
            }
            if row.dates.count == 3 {
                for (column, date) in row.dates.enumerated() { dateAnchors.observe(page: row.page, column: column, start: date.start) }
            }
            if let first = row.layoff.first { layoffAnchors.observe(page: row.page, column: 0, start: first.start) }
        }

        var notices: [WarnNotice] = []
        var diagnostics: [WarnParseResult.Diagnostic] = []
        for row in rows {
            let starts = textAnchors.starts(page: row.page)
            var cells = Array(repeating: [LayoutLine.Word](), count: columns.count)
            if let starts {
                cells = LayoutColumns.assign(row.middle, starts: starts, known: known)
            } else {
                for (index, chunk) in LayoutLine.chunks(row.middle).enumerated() { cells[min(index, columns.count - 1)] += chunk }
            }
            cells[0] += row.carriedCompany
            var layoff = row.layoff
            // Wrapped values continue below their own column; the Layoff/Closure wording is one more column.
            if let starts {
                let columnStarts = starts + (layoffAnchors.starts(page: row.page) ?? [])
                for line in row.continuation {
                    guard let first = line.words.first, first.start >= starts[0] - 2 else { continue }
                    let wrapped = LayoutColumns.assign(line.words, starts: columnStarts, splitting: false)
                    for index in cells.indices { cells[index] += wrapped[index] }
                    if wrapped.count > starts.count { layoff += wrapped[starts.count] }
                }
            }
            let company = WarnText.clean(LayoutLine.join(cells[0]))
            guard !company.isEmpty else {
                diagnostics.append(.init(line: row.line, message: "no company name; row skipped"))
                continue
            }
            let dates = assignDates(row.dates, anchors: dateAnchors.starts(page: row.page))
            func cell(_ column: TextColumn) -> String? {
                guard let index = columns.firstIndex(of: column) else { return nil }
                let text = WarnText.clean(LayoutLine.join(cells[index]))
                return text.isEmpty ? nil : text
            }
            let notice = WarnNotice(
                company: company, noticeDate: dates[0], receivedDate: dates[2], effectiveDate: dates[1],
                employees: row.employees, layoffOrClosure: layoff.isEmpty ? nil : LayoutLine.join(layoff),
                county: cell(.county), address: nil, city: cell(.city), industry: nil,
                sourceFile: source, sourceRow: row.line
            )
            notices.append(notice)
        }
        return WarnParseResult(notices: WarnNoticeKey.uniquing(notices), diagnostics: diagnostics)
    }

    /// Notice, effective and received date (ISO) from the leading dates; a missing one is placed by position.
    private static func assignDates(_ words: [LayoutLine.Word], anchors: [Int]?) -> [String?] {
        var dates: [String?] = [nil, nil, nil]
        if words.count == 3 || anchors == nil {
            for (index, word) in words.prefix(3).enumerated() { dates[index] = WarnText.isoDate(word.text) }
            return dates
        }
        guard let anchors else { return dates }
        for word in words {
            let nearest = anchors.indices.min { abs(anchors[$0] - word.start) < abs(anchors[$1] - word.start) } ?? 0
            dates[nearest] = WarnText.isoDate(word.text)
        }
        return dates
    }
}
