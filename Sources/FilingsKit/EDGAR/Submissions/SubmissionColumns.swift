import FilingsModel
import Foundation

/// Reads the columnar filings table of a submissions file (`filings.recent`, or a whole page):
/// `{"accessionNumber": [...], "form": [...], "filingDate": [...], ...}`, one array per column.
struct SubmissionColumns {
    /// How many row problems are described one by one; the rest are counted.
    static let rowIssueLimit = 20

    let table: [String: Any]
    private(set) var issues: [String] = []

    init(_ table: [String: Any]) {
        self.table = table
    }

    /// The rows with an accession number, form and filing date; the others are skipped and noted.
    mutating func rows() -> [SubmissionFiling] {
        guard let accessions = table["accessionNumber"] as? [Any] else {
            issues.append("no accessionNumber column: no filings read")
            return []
        }
        let count = accessions.count
        guard let forms = column("form", count: count), let filingDates = column("filingDate", count: count) else {
            return []
        }
        let reportDates = column("reportDate", count: count)
        let acceptances = column("acceptanceDateTime", count: count)
        let items = column("items", count: count)
        let documents = column("primaryDocument", count: count)

        var rows: [SubmissionFiling] = []
        rows.reserveCapacity(count)
        var skipped = 0
        for index in 0..<count {
            guard let accession = JSONField.string(accessions[index]), EDGARArchive.isAccession(accession),
                let form = JSONField.string(value(forms, index)),
                let filingDate = JSONField.isoDate(value(filingDates, index))
            else {
                skipped += 1
                if skipped <= Self.rowIssueLimit {
                    issues.append("row \(index): skipped, no valid accession number, form or filing date")
                }
                continue
            }
            let isCurrentReport = Filing.isCurrentReportForm(form)
            rows.append(
                SubmissionFiling(
                    accession: accession, form: form, filingDate: filingDate,
                    reportDate: JSONField.isoDate(value(reportDates, index)),
                    acceptanceDateTime: JSONField.string(value(acceptances, index)),
                    items: isCurrentReport && items != nil ? Self.itemCodes(value(items, index)) : nil,
                    primaryDocument: JSONField.string(value(documents, index))))
        }
        if skipped > Self.rowIssueLimit {
            issues.append("\(skipped - Self.rowIssueLimit) more rows skipped")
        }
        return rows
    }

    /// `"7.01,9.01"` -> `["7.01", "9.01"]`; empty or null -> `[]`.
    static func itemCodes(_ value: Any?) -> [String] {
        guard let text = JSONField.string(value) else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A column's values, noting when it is missing or its length differs from the accession column's.
    private mutating func column(_ name: String, count: Int) -> [Any]? {
        guard let values = table[name] as? [Any] else {
            issues.append("no \(name) column")
            return nil
        }
        if values.count != count {
            issues.append(
                "column \(name) has \(values.count) values for \(count) accession numbers; missing values read as empty"
            )
        }
        return values
    }

    private func value(_ column: [Any]?, _ index: Int) -> Any? {
        guard let column, index < column.count else { return nil }
        return column[index]
    }
}
