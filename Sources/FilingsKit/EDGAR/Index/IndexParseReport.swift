import FilingsModel
import Foundation

/// What `EDGARIndexParser` found in one index file: its kind, its header, and its row counts.
public struct IndexParseReport: Sendable, Equatable {
    /// The index's layout, from its column header.
    public enum Kind: String, Sendable {
        /// `master.idx`: pipe-delimited `CIK|Company Name|Form Type|Date Filed|File Name`.
        case master
        /// `form.idx`: fixed width, sorted by form type.
        case form
        /// `company.idx`: fixed width, sorted by company name.
        case company
    }

    /// Whether the index covers one day or one quarter, from its `Description:` line.
    public enum Period: String, Sendable {
        /// `daily-index/`: "Daily Index of EDGAR Dissemination Feed".
        case daily
        /// `full-index/`: "Master Index of EDGAR Dissemination Feed".
        case quarterly
    }

    /// A row that was skipped, with its 1-based line number.
    public struct Issue: Sendable, Equatable {
        /// The 1-based line number in the file.
        public var line: Int
        /// Why the row was skipped.
        public var reason: String

        /// Creates an issue.
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// How many issues are kept verbatim; the rest are only counted.
    public static let issueLimit = 20

    /// The URL or path the index was read from.
    public var source: String
    /// master, form or company index.
    public var kind: Kind
    /// Nil when the description line is missing or unfamiliar.
    public var period: Period?
    /// The `Description:` value, e.g. "Daily Index of EDGAR Dissemination Feed".
    public var description: String
    /// The `Last Data Received:` value as written, e.g. "Jan  3, 2020".
    public var lastDataReceived: String?
    /// Data rows after the separator line (blank lines not counted).
    public var rowsSeen = 0
    /// Rows handed to the caller (`keepForm` said yes and the row was well formed).
    public var rowsKept = 0
    /// Rows skipped as malformed.
    public var malformedCount = 0
    /// The first `issueLimit` malformed rows.
    public var malformed: [Issue] = []

    /// Creates an empty report for an index whose header has been read.
    public init(source: String, kind: Kind, period: Period?, description: String, lastDataReceived: String?) {
        self.source = source
        self.kind = kind
        self.period = period
        self.description = description
        self.lastDataReceived = lastDataReceived
    }

    /// Counts a skipped row, keeping its reason while under the limit.
    mutating func skip(line: Int, _ reason: @autoclosure () -> String) {
        malformedCount += 1
        if malformed.count < Self.issueLimit {
            malformed.append(Issue(line: line, reason: reason()))
        }
    }
}
