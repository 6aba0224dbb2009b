import FilingsModel
import Foundation

/// Reads EDD's 2012-2014 "Listing of WARN Notices by Company Name" (Company Name, Location,
/// Employees Affected, Layoff Date); long names and places wrap onto the following line.
enum CaliforniaWarnListingPDF {
    private struct Row {
        var line: Int
        var page: Int
        var middle: [LayoutLine.Word]
        var employees: Int
        var layoffDate: String?
        var continuation: [LayoutLine] = []
    }

    private static let pageFurniture = ["rev.", "page", "employment", "listing", "company", "affected", "employees"]

    static func parse(lines: [LayoutLine], source: String) -> WarnParseResult {
        var rows: [Row] = []
        var previousLine = 0
        for line in lines where !line.isBlank {
            defer { previousLine = line.number }
            let words = line.words
            if words.count >= 3, let last = words.last, CaliforniaWarnPDF.isDate(last.text),
               let employees = WarnText.count(words[words.count - 2].text) {
                rows.append(Row(line: line.number, page: line.page, middle: Array(words.dropLast(2)),
                                employees: employees, layoffDate: WarnText.isoDate(last.text)))
            } else if let last = rows.indices.last, line.number == previousLine + 1,
                      let first = words.first?.text.lowercased(), !pageFurniture.contains(first) {
                rows[last].continuation.append(line)
            }
        }
        var anchors = ColumnAnchors(columns: 2)
        var known: [Set<String>] = [[], []]
        for row in rows {
            let chunks = LayoutLine.chunks(row.middle)
            if chunks.count == 2 {
                for (column, chunk) in chunks.enumerated() {
                    anchors.observe(page: row.page, column: column, start: chunk[0].start)
                    known[column].insert(LayoutLine.join(chunk).lowercased())
                }
            }
        }
        var notices: [WarnNotice] = []
        var diagnostics: [WarnParseResult.Diagnostic] = []
        for row in rows {
            var cells: [[LayoutLine.Word]]
            guard let starts = anchors.starts(page: row.page) else {
                diagnostics.append(.init(line: row.line, message: "cannot tell company from location; row skipped"))
                continue
            }
            cells = LayoutColumns.assign(row.middle, starts: starts, known: known)
            for line in row.continuation {
                let wrapped = LayoutColumns.assign(line.words, starts: starts, splitting: false)
                cells[0] += wrapped[0]
                cells[1] += wrapped[1]
            }
            let company = WarnText.clean(LayoutLine.join(cells[0]))
            let location = WarnText.clean(LayoutLine.join(cells[1]))
            guard !company.isEmpty else {
                diagnostics.append(.init(line: row.line, message: "no company name; row skipped"))
                continue
            }
            let notice = WarnNotice(
                company: company, noticeDate: nil, receivedDate: nil, effectiveDate: row.layoffDate,
                employees: row.employees, layoffOrClosure: nil, county: nil, address: nil,
                city: location.isEmpty ? nil : location, industry: nil, sourceFile: source, sourceRow: row.line
            )
            notices.append(notice)
        }
        return WarnParseResult(notices: WarnNoticeKey.uniquing(notices), diagnostics: diagnostics)
    }
}
