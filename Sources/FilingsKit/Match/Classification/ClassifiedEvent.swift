import FilingsModel
import Foundation

/// One fact read from an 8-K's text, with the sentence that proves it.
public struct ClassifiedEvent: Sendable, Equatable, Codable {
    /// What happened.
    public var kind: EventKind
    /// Where it was read: an item code (`5.02`, `legacy-6`) or an exhibit type (`EX-99.1`).
    public var source: String
    /// The person concerned, as named in the text.
    public var person: String?
    /// The office concerned, short form: `CEO`, `CFO`, `director`, `General Counsel`, ...
    public var role: String?
    /// The effective date, ISO `YYYY-MM-DD`, when the text states one.
    public var effectiveDate: String?
    /// The number of employees affected, when stated.
    public var employees: Int?
    /// The share of the workforce affected, in percent, when stated.
    public var percentage: Double?
    /// The sentence that proves the event (at most about 300 characters).
    public var quote: String
    /// One line a reader can trust: "Jane Doe resigned as Chief Financial Officer, effective 2023-03-31".
    public var summary: String
    /// For departures, appointments and pay read from Item 5.02: each person named, with office, change, date and reason.
    public var people: [PersonChange]

    /// Creates an event.
    public init(
        kind: EventKind, source: String, person: String? = nil, role: String? = nil, effectiveDate: String? = nil,
        employees: Int? = nil, percentage: Double? = nil, quote: String, summary: String, people: [PersonChange] = []
    ) {
        self.kind = kind
        self.source = source
        self.person = person
        self.role = role
        self.effectiveDate = effectiveDate
        self.employees = employees
        self.percentage = percentage
        self.quote = quote
        self.summary = summary
        self.people = people
    }
}
