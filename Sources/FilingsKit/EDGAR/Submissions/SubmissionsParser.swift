import FilingsModel
import Foundation

/// Parses `data.sec.gov/submissions` JSON: the per-company file and its older `files` pages.
public enum SubmissionsParser {
    /// Parses `CIK##########.json`: the company (names, tickers, former names) and `filings.recent`.
    ///
    /// - Throws: `EDGARFormatError` when the bytes are not a submissions file (HTML, a page file, other JSON).
    public static func parse(_ data: Data, source: String) throws -> Submissions {
        let expected = "a submissions JSON (data.sec.gov/submissions/CIK##########.json)"
        guard let object = try JSONField.object(data, source: source, expected: expected) as? [String: Any] else {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: expected, found: "JSON that is not an object")
        }
        if object["filings"] == nil, object["accessionNumber"] != nil {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: expected, found: "a submissions page (CIK##########-submissions-NNN.json)")
        }
        guard let cik = JSONField.int64(object["cik"]), cik > 0 else {
            throw EDGARFormatError.unexpectedContent(source: source, expected: expected, found: "no numeric \"cik\"")
        }
        var issues: [String] = []
        let name = JSONField.string(object["name"]) ?? ""
        if name.isEmpty { issues.append("no company name") }
        let formerNames = (object["formerNames"] as? [Any] ?? []).compactMap { entry -> FormerName? in
            guard let fields = entry as? [String: Any], let former = JSONField.string(fields["name"]) else {
                return nil
            }
            return FormerName(
                name: former, from: JSONField.isoDate(fields["from"]), to: JSONField.isoDate(fields["to"]))
        }
        let company = Company(
            cik: cik, name: name, tickers: JSONField.strings(object["tickers"]),
            exchanges: JSONField.strings(object["exchanges"]), formerNames: formerNames, source: source)

        let filings = object["filings"] as? [String: Any]
        var rows: [SubmissionFiling] = []
        if let recent = filings?["recent"] as? [String: Any] {
            var columns = SubmissionColumns(recent)
            rows = columns.rows()
            issues += columns.issues
        } else {
            issues.append("no filings.recent table: no filings read")
        }
        let pages = (filings?["files"] as? [Any] ?? []).compactMap {
            ($0 as? [String: Any]).flatMap { JSONField.string($0["name"]) }
        }
        return Submissions(
            company: company, entityType: JSONField.string(object["entityType"]), filings: rows, pages: pages,
            issues: issues)
    }

    /// Parses a `CIK##########-submissions-NNN.json` page and returns its filings.
    public static func parsePage(_ data: Data, source: String) throws -> [SubmissionFiling] {
        try page(data, source: source).filings
    }

    /// Parses a `CIK##########-submissions-NNN.json` page (top-level keys are the column arrays).
    public static func page(_ data: Data, source: String) throws -> SubmissionsPage {
        let expected = "a submissions page (CIK##########-submissions-NNN.json)"
        guard let object = try JSONField.object(data, source: source, expected: expected) as? [String: Any] else {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: expected, found: "JSON that is not an object")
        }
        guard object["accessionNumber"] is [Any] else {
            let found =
                object["filings"] != nil ? "a company submissions file (use parse)" : "no accessionNumber column"
            throw EDGARFormatError.unexpectedContent(source: source, expected: expected, found: found)
        }
        var columns = SubmissionColumns(object)
        let rows = columns.rows()
        return SubmissionsPage(filings: rows, issues: columns.issues)
    }
}
