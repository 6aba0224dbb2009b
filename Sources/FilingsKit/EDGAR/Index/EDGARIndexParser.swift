import FilingsFormats
import Foundation

/// Streams the rows of an EDGAR `master.idx`, `form.idx` or `company.idx` (daily or quarterly,
/// plain or gzip), handing each wanted row to a closure.
///
/// The bytes are scanned in place: a row's form type is compared first, and the other fields are
/// decoded only for rows the caller keeps. Malformed rows are skipped and counted in the report.
public enum EDGARIndexParser {
    /// The most a gzip index may inflate to (512 MiB): real quarterly indexes are tens of MB.
    public static let maxInflatedBytes = 512 << 20
    /// The longest company name accepted (EDGAR's conformed names are under 200 characters); a longer one is a malformed row.
    public static let maxNameBytes = IndexRowProblem.maxNameBytes

    /// Parses `data`, calling `each` for every well-formed row whose form type `keepForm` accepts.
    ///
    /// - Parameters:
    ///   - source: the URL or path the bytes came from, for messages.
    ///   - keepForm: asked once per distinct form type (answers are remembered).
    /// - Throws: `EDGARFormatError` when the bytes are not an EDGAR index; whatever `each` throws.
    ///   - maxInflatedBytes: a gzip index inflating to more than this is refused (a gzip bomb), before it fills memory.
    public static func parse(
        _ data: Data, source: String, keepForm: (String) -> Bool = { _ in true }, maxInflatedBytes: Int = maxInflatedBytes,
        each: (IndexEntry) throws -> Void
    ) throws -> IndexParseReport {
        if Gzip.isCompressed(data) {
            let plain: Data
            do {
                plain = try Gzip.decompress(data, limit: maxInflatedBytes + 1)
            } catch let error as Gzip.DecompressionError {
                throw EDGARFormatError.compression(source: source, reason: error.reason)
            }
            if plain.count > maxInflatedBytes {
                throw EDGARFormatError.compression(
                    source: source, reason: "it inflates to more than \(maxInflatedBytes) bytes, far more than any EDGAR index (a gzip bomb?)")
            }
            return try parse(plain, source: source, keepForm: keepForm, maxInflatedBytes: maxInflatedBytes, each: each)
        }
        return try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let header = try IndexHeader.read(bytes, source: source)
            var report = IndexParseReport(
                source: source, kind: header.kind, period: header.period, description: header.description,
                lastDataReceived: header.lastDataReceived)
            try readRows(bytes, header, &report, keepForm, each)
            return report
        }
    }

    /// Parses `data` and returns every kept row (convenient for small files and tests).
    public static func entries(
        _ data: Data, source: String, keepForm: (String) -> Bool = { _ in true }
    ) throws -> (entries: [IndexEntry], report: IndexParseReport) {
        var entries: [IndexEntry] = []
        let report = try parse(data, source: source, keepForm: keepForm) { entries.append($0) }
        return (entries, report)
    }

    private static func readRows(
        _ bytes: UnsafeBufferPointer<UInt8>, _ header: IndexHeader, _ report: inout IndexParseReport,
        _ keepForm: (String) -> Bool, _ each: (IndexEntry) throws -> Void
    ) throws {
        var cursor = LineCursor(bytes, position: header.rowsStart, linesBefore: header.linesBefore)
        var decisions: [String: Bool] = [:]
        while let line = cursor.next() {
            let row = ByteText.trimmed(bytes, line)
            if row.isEmpty { continue }
            report.rowsSeen += 1
            let split =
                header.kind == .master
                ? IndexRow.master(bytes, row)
                : IndexRow.fixedWidth(bytes, row, lineStart: line.lowerBound, header: header)
            let fields: IndexRow
            switch split {
            case .success(let value): fields = value
            case .failure(let problem):
                report.skip(line: cursor.lineNumber, problem.reason)
                continue
            }
            let form = ByteText.plain(bytes, fields.form)
            let keep: Bool
            if let known = decisions[form] {
                keep = known
            } else {
                keep = keepForm(form)
                decisions[form] = keep
            }
            guard let cik = ByteText.cik(bytes, fields.cik) else {
                report.skip(line: cursor.lineNumber, IndexRowProblem.cik(bytes, fields.cik))
                continue
            }
            guard let date = ByteText.isoDate(bytes, fields.date) else {
                report.skip(line: cursor.lineNumber, IndexRowProblem.date(bytes, fields.date))
                continue
            }
            guard ByteText.isAccession(bytes, fields.accession) else {
                report.skip(line: cursor.lineNumber, IndexRowProblem.accession(bytes, path: fields.path))
                continue
            }
            if let problem = IndexRowProblem.name(fields.companyName) {
                report.skip(line: cursor.lineNumber, problem)
                continue
            }
            guard keep else { continue }
            let entry = IndexEntry(
                cik: cik, companyName: ByteText.text(bytes, fields.companyName), form: form, dateFiled: date,
                path: ByteText.plain(bytes, fields.path), accession: ByteText.plain(bytes, fields.accession))
            report.rowsKept += 1
            try each(entry)
        }
    }
}
