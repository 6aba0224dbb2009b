import CSV
import Foundation

/// A CSV file read into records (RFC 4180: quoted fields may hold commas, quotes and line breaks).
public struct CSVTable: Sendable, Equatable {
    /// One record with the physical line on which it starts (1-based, header is line 1).
    public struct Record: Sendable, Equatable {
        /// Line where the record starts in the file.
        public var line: Int
        /// Field values in column order.
        public var fields: [String]
    }

    /// Header fields, trimmed, with a UTF-8 byte-order mark removed.
    public let header: [String]
    /// Records after the header, blank lines dropped.
    public let records: [Record]
    /// Line of the last record when it looks like an unterminated quote swallowed the rest of the
    /// file (odd number of quote characters, and the last field runs over line breaks).
    public let unterminatedQuoteLine: Int?

    /// Parses CSV text whose first record is the header. Nil when the text holds no header.
    public init?(text: String) {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        guard let reader = try? CSVReader(string: body, hasHeaderRow: false) else { return nil }
        var line = 1
        var header: [String]?
        var records: [Record] = []
        while let fields = reader.next() {
            let start = line
            // A record spans one line plus every line break quoted inside its fields.
            line += 1 + fields.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if header == nil {
                header = fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            } else if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append(Record(line: start, fields: fields))
            }
        }
        guard let header, !header.isEmpty else { return nil }
        self.header = header
        self.records = records
        let quotes = body.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
        if quotes % 2 == 1, let last = records.last, last.fields.last?.contains(where: \.isNewline) == true {
            unterminatedQuoteLine = last.line
        } else {
            unterminatedQuoteLine = nil
        }
    }

    /// Index of the first header equal to one of `names`, ignoring case and surrounding spaces.
    public func column(_ names: String...) -> Int? {
        let wanted = Set(names.map { $0.lowercased() })
        return header.firstIndex { wanted.contains($0.lowercased()) }
    }
}
