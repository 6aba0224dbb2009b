import Foundation

/// How a state's WARN notices are published and read: the `warn` block of a `Feeds/XX-warn.json` file.
///
/// Adding a state is this block and a fixture: where the file lives (`fetch`), its format, how the
/// header row is found (by its text), which header names each field, how dates are written, and the
/// state's own thresholds. The same column map reads the state's file and a peer's export of it
/// (warn-scraper keeps each state's headers), so a field lists every name it goes by.
public struct WarnTableSpec: Codable, Sendable, Equatable {
    /// The state's postal code, upper case (`WA`).
    public var state: String
    /// False for a state that publishes no notices usable here; `unpublished` says why.
    public var publishes: Bool
    /// Why a state that does not publish cannot be read (WY keeps notices confidential, ...).
    public var unpublished: String?
    /// The format of the state's file; nil for a state that does not publish.
    public var format: WarnTableFormat?
    /// Where the file is and how to get to it; nil for a state that does not publish or that is
    /// read only from files given to `import` (its page cannot be read by a program).
    public var fetch: WarnFetch?
    /// The fields whose columns must all be present in a row for it to be the header row.
    /// Default: company and at least one date.
    public var headerRequires: [WarnField]?
    /// For each field, every header text it goes by, compared by letters and digits only, case-insensitively.
    public var columns: [WarnField: [String]]
    /// Date patterns tried first (Unicode patterns, as `DateFormatter`: `M/d/yyyy`, `MMMM d, yyyy`);
    /// ISO dates, `M/D/YYYY` and Excel serial numbers are always read.
    public var dateFormats: [String]?
    /// For JSON: the key of the array of records in the top-level object (nil: the top level is the array).
    public var jsonRecords: String?
    /// For XLSX: the sheet to read (default: the first sheet that has a header row).
    public var sheet: String?
    /// The state's law: what makes an employer file (for `can show` and the table of states).
    public var thresholds: WarnThresholds?

    /// A spec from its parts, as a feed file declares them.
    public init(
        state: String, publishes: Bool = true, unpublished: String? = nil, format: WarnTableFormat?, fetch: WarnFetch? = nil,
        headerRequires: [WarnField]? = nil, columns: [WarnField: [String]], dateFormats: [String]? = nil,
        jsonRecords: String? = nil, sheet: String? = nil, thresholds: WarnThresholds? = nil
    ) {
        self.state = state
        self.publishes = publishes
        self.unpublished = unpublished
        self.format = format
        self.fetch = fetch
        self.headerRequires = headerRequires
        self.columns = columns
        self.dateFormats = dateFormats
        self.jsonRecords = jsonRecords
        self.sheet = sheet
        self.thresholds = thresholds
    }

    enum CodingKeys: String, CodingKey {
        case state, publishes, unpublished, format, fetch, headerRequires, columns, dateFormats, jsonRecords, sheet, thresholds
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        state = try container.decode(String.self, forKey: .state)
        publishes = try container.decodeIfPresent(Bool.self, forKey: .publishes) ?? true
        unpublished = try container.decodeIfPresent(String.self, forKey: .unpublished)
        format = try container.decodeIfPresent(WarnTableFormat.self, forKey: .format)
        fetch = try container.decodeIfPresent(WarnFetch.self, forKey: .fetch)
        headerRequires = try container.decodeIfPresent([WarnField].self, forKey: .headerRequires)
        // JSON object keys decode as a [String: _] first: a typed key would decode as an array of pairs.
        let named = try container.decodeIfPresent([String: [String]].self, forKey: .columns) ?? [:]
        var columns: [WarnField: [String]] = [:]
        for (key, names) in named {
            guard let field = WarnField(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .columns, in: container,
                    debugDescription: "unknown field \"\(key)\"; fields: \(WarnField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            columns[field] = names
        }
        self.columns = columns
        dateFormats = try container.decodeIfPresent([String].self, forKey: .dateFormats)
        jsonRecords = try container.decodeIfPresent(String.self, forKey: .jsonRecords)
        sheet = try container.decodeIfPresent(String.self, forKey: .sheet)
        thresholds = try container.decodeIfPresent(WarnThresholds.self, forKey: .thresholds)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(publishes, forKey: .publishes)
        try container.encodeIfPresent(unpublished, forKey: .unpublished)
        try container.encodeIfPresent(format, forKey: .format)
        try container.encodeIfPresent(fetch, forKey: .fetch)
        try container.encodeIfPresent(headerRequires, forKey: .headerRequires)
        try container.encode(Dictionary(uniqueKeysWithValues: columns.map { ($0.key.rawValue, $0.value) }), forKey: .columns)
        try container.encodeIfPresent(dateFormats, forKey: .dateFormats)
        try container.encodeIfPresent(jsonRecords, forKey: .jsonRecords)
        try container.encodeIfPresent(sheet, forKey: .sheet)
        try container.encodeIfPresent(thresholds, forKey: .thresholds)
    }
}

/// The formats a state's WARN file is read from.
public enum WarnTableFormat: String, Codable, Sendable, CaseIterable {
    case csv
    case xlsx
    /// The first `<table>` of an HTML page whose rows include the header row.
    case htmlTable = "html-table"
    /// An array of objects (or one under `jsonRecords`); the keys are the headers.
    case json
}

/// A field of a WARN notice that a state's column map can name.
public enum WarnField: String, Codable, Sendable, CaseIterable {
    case company
    case noticeDate
    case receivedDate
    case effectiveDate
    case employees
    case city
    case county
    case address
    /// The state's own wording ("Layoff", "Closure", "Permanent layoff").
    case layoffOrClosure
    /// A column saying whether the layoff is temporary ("Temporary", "Yes").
    case temporary
    /// A column saying whether the notice amends an earlier one ("Amended", "Yes", "Revision").
    case amendment
    case industry
    /// The state's own id of the notice.
    case noticeId
}

/// Where a state's WARN file is and how to reach it. Names refer to the feed's `urls` and `paths`.
public struct WarnFetch: Codable, Sendable, Equatable {
    /// The file's URL: a name in the feed's `urls` (with `path`, one of its `paths`).
    public var url: String
    public var path: String?
    /// When set, `url` is a page and the files are the links on it whose address matches this
    /// regular expression (case-insensitive), each read as one unit.
    public var links: String?
    /// When set, the URL's path template has a `{page}` placeholder, filled from `first` up to
    /// `first + maxPages - 1`; reading stops at the first page with no notice rows.
    public var pages: WarnPaging?

    /// A fetch from its parts, as a feed file declares them.
    public init(url: String, path: String? = nil, links: String? = nil, pages: WarnPaging? = nil) {
        self.url = url
        self.path = path
        self.links = links
        self.pages = pages
    }
}

/// The pages of a paged listing.
public struct WarnPaging: Codable, Sendable, Equatable {
    public var first: Int
    public var maxPages: Int

    /// A paging from its parts.
    public init(first: Int, maxPages: Int) {
        self.first = first
        self.maxPages = maxPages
    }
}

/// What makes an employer file a WARN notice in a state: the federal rule or the state's own.
public struct WarnThresholds: Codable, Sendable, Equatable {
    /// Layoffs at one site that require a notice (federal: 50, or 500 regardless of share).
    public var employees: Int?
    /// Employer size at which the law applies (federal: 100).
    public var employerSize: Int?
    /// Days of notice required (federal: 60; NY 90).
    public var noticeDays: Int?
    /// The law, in one line ("federal WARN", "NY WARN Act: 25 at a site of 50+, 90 days").
    public var law: String

    /// Thresholds from their parts.
    public init(employees: Int?, employerSize: Int?, noticeDays: Int?, law: String) {
        self.employees = employees
        self.employerSize = employerSize
        self.noticeDays = noticeDays
        self.law = law
    }
}
