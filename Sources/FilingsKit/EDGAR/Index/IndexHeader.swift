import FilingsFormats
import FilingsModel
import Foundation

/// The header block of an EDGAR index: the `Key: value` lines, the column header (one line, or
/// wrapped over two), and the dashed separator line after which the rows start.
struct IndexHeader {
    var kind: IndexParseReport.Kind
    var period: IndexParseReport.Period?
    var description: String
    var lastDataReceived: String?
    /// Fixed-width indexes: the column where the second text column (company or form) starts.
    var secondColumnStart: Int
    /// The byte offset of the first row, and its line number minus one.
    var rowsStart: Int
    var linesBefore: Int

    /// How far to look for the separator line before deciding the bytes are not an index.
    static let maximumHeaderLines = 100

    static let masterColumns = ["CIK", "Company Name", "Form Type", "Date Filed"]
    static let formColumns = "Form Type Company Name CIK Date Filed"
    static let companyColumns = "Company Name Form Type CIK Date Filed"

    /// Reads the header, or throws when the bytes are not an EDGAR index.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws -> IndexHeader {
        try rejectNonIndex(bytes, source: source)
        var cursor = LineCursor(bytes)
        var metadata: [String: String] = [:]
        var columnLines: [String] = []
        while cursor.lineNumber < maximumHeaderLines, let line = cursor.next() {
            let trimmed = ByteText.trimmed(bytes, line)
            if trimmed.isEmpty {
                columnLines = []
            } else if trimmed.count >= 10, trimmed.allSatisfy({ bytes[$0] == ByteText.dash }) {
                return try make(
                    columnLines, metadata, rowsStart: cursor.position, linesBefore: cursor.lineNumber, source)
            } else if let colon = ByteText.firstIndex(of: ByteText.colon, in: bytes, trimmed) {
                let key = ByteText.text(bytes, ByteText.trimmed(bytes, trimmed.lowerBound..<colon))
                metadata[key] = ByteText.text(bytes, ByteText.trimmed(bytes, (colon + 1)..<trimmed.upperBound))
                columnLines = []
            } else {
                columnLines.append(ByteText.text(bytes, line.lowerBound..<trimmed.upperBound))
            }
        }
        throw EDGARFormatError.unexpectedContent(
            source: source, expected: "an EDGAR index",
            found: "no column header with a dashed line under it in the first \(maximumHeaderLines) lines")
    }

    /// Throws for empty bytes, HTML pages and JSON, which arrive where an index was expected.
    private static func rejectNonIndex(_ bytes: UnsafeBufferPointer<UInt8>, source: String) throws {
        guard let first = bytes.first(where: { $0 > ByteText.space }) else {
            throw EDGARFormatError.empty(source: source)
        }
        switch first {
        case UInt8(ascii: "<"):
            throw EDGARFormatError.htmlPage(source: source)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw EDGARFormatError.unexpectedContent(source: source, expected: "an EDGAR index", found: "JSON")
        default:
            return
        }
    }

    private static func make(
        _ columnLines: [String], _ metadata: [String: String], rowsStart: Int, linesBefore: Int, _ source: String
    ) throws -> IndexHeader {
        let description = metadata["Description"] ?? ""
        let period: IndexParseReport.Period? =
            description.hasPrefix("Daily") ? .daily : description.hasPrefix("Master Index") ? .quarterly : nil
        guard let first = columnLines.first else {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: "an EDGAR index", found: "a dashed line with no column header above it")
        }
        var header = IndexHeader(
            kind: .master, period: period, description: description, lastDataReceived: metadata["Last Data Received"],
            secondColumnStart: 0, rowsStart: rowsStart, linesBefore: linesBefore)
        if first.contains("|") {
            let names = first.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard names.count == 5, Array(names.prefix(4)) == masterColumns,
                names[4] == "File Name" || names[4] == "Filename"
            else { throw unknownColumns(columnLines, source) }
            return header
        }
        // A wrapped header ("... CIK" / "      Date Filed  File Name") reads the same once joined.
        let words = columnLines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let secondColumn: String
        if words == formColumns + " File Name" || words == formColumns + " Filename" {
            header.kind = .form
            secondColumn = "Company Name"
        } else if words == companyColumns + " File Name" || words == companyColumns + " Filename" {
            header.kind = .company
            secondColumn = "Form Type"
        } else {
            throw unknownColumns(columnLines, source)
        }
        guard let range = first.range(of: secondColumn) else { throw unknownColumns(columnLines, source) }
        header.secondColumnStart = first.utf8.distance(from: first.startIndex, to: range.lowerBound)
        return header
    }

    private static func unknownColumns(_ lines: [String], _ source: String) -> EDGARFormatError {
        .unexpectedContent(
            source: source, expected: "an EDGAR index",
            found: "unfamiliar column header \"\(lines.joined(separator: " / "))\"")
    }
}
