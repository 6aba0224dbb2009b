import Foundation

/// One unit of a feed (an index day, a file) and how its last fetch went.
public struct LedgerEntry: Codable, Sendable, Equatable {
    /// Outcome of fetching one unit.
    public enum Status: String, Codable, Sendable {
        /// Fetched and stored.
        case ok
        /// The source has no file for this unit (weekend, holiday, not yet published).
        case missing
        /// The fetch or parse failed; the unit is retried on the next sync.
        case failed
        /// Read, but holding far fewer rows than the last good read (a bot wall answering 200 with an
        /// empty file, say): nothing of it was stored, the earlier read's rows and coverage are kept,
        /// and the unit is read again on the next sync.
        case suspect
    }

    public var feed: String
    /// What the entry speaks for.
    public var unit: LedgerUnit
    public var status: Status
    public var url: String
    public var fetchedAt: Date
    public var etag: String?
    public var lastModified: String?
    public var rows: Int
    public var detail: String?
    /// First day the unit's data speaks for (a WARN report's fiscal year, an ERM date range), ISO.
    public var coversFrom: String?
    /// Last day the unit's data speaks for, ISO.
    public var coversUntil: String?
    /// The forms kept, for a unit of an EDGAR index: a quarter stored with 8-Ks only does not hold every form.
    public var forms: IndexForms?

    public init(
        feed: String, unit: LedgerUnit, status: Status, url: String, fetchedAt: Date = Date(),
        etag: String? = nil, lastModified: String? = nil, rows: Int = 0, detail: String? = nil,
        coversFrom: String? = nil, coversUntil: String? = nil, forms: IndexForms? = nil
    ) {
        self.feed = feed
        self.unit = unit
        self.status = status
        self.url = url
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
        self.rows = rows
        self.detail = detail
        self.coversFrom = coversFrom
        self.coversUntil = coversUntil
        self.forms = forms
    }

    /// True when the rows of a good read are stored for the unit (a suspect read keeps the earlier one's).
    public var holdsData: Bool { status == .ok || status == .suspect }

    /// True when the last outcome was bad news to report: a failure or a suspect read.
    public var isTrouble: Bool { status == .failed || status == .suspect }

    /// The days the unit's data speaks for, when it says.
    public var coverage: DaySpan? {
        DaySpan(from: coversFrom, until: coversUntil)
    }
}
