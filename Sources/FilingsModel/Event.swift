import Foundation

/// Something a watched company's record says happened, raised once.
public struct Event: Codable, Sendable, Equatable {
    public var id: Int64?
    /// Natural key: the same fact from the same record always has the same key.
    public var key: String
    public var cik: Int64?
    public var company: String
    public var kind: EventKind
    public var source: Source
    public var sourceRef: String
    /// ISO date `YYYY-MM-DD`.
    public var date: String
    public var url: String?
    public var summary: String
    public var strength: Strength
    /// True for events found in a company's past when it was first watched.
    public var historical: Bool
    public var employees: Int?
    /// The words of the record that prove the event, when read.
    public var quote: String?
    /// The name in the record that matched the watch.
    public var matchedName: String?
    /// Which of the company's names it matched, and why that makes it the company's: "brand (…)", "former name (until 2022-06-09)".
    public var matchedAs: String?
    public var createdAt: Date
    public var deliveredAt: Date?
    /// When the record behind the event changed after it was raised (an amended WARN notice).
    public var amendedAt: Date?
    /// The people an 8-K's Item 5.02 text names for this event (stored as JSON text); nil for events not read from text.
    public var people: [PersonChange]?

    public init(
        key: String, cik: Int64?, company: String, kind: EventKind, source: Source, sourceRef: String,
        date: String, url: String?, summary: String, strength: Strength, historical: Bool,
        employees: Int? = nil, quote: String? = nil, matchedName: String? = nil, matchedAs: String? = nil,
        createdAt: Date = Date(), deliveredAt: Date? = nil, people: [PersonChange]? = nil
    ) {
        self.key = key
        self.cik = cik
        self.company = company
        self.kind = kind
        self.source = source
        self.sourceRef = sourceRef
        self.date = date
        self.url = url
        self.summary = summary
        self.strength = strength
        self.historical = historical
        self.employees = employees
        self.quote = quote
        self.matchedName = matchedName
        self.matchedAs = matchedAs
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.people = people
    }
}
