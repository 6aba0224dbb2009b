import FilingsFormats
import FilingsModel
import Foundation

/// An event in the JSON shape of the command-line contract (DESIGN.md), with its text made safe to print.
///
/// Every contract field is always present; `cik`, `url` and `employees` are `null` when unknown,
/// never left out. `quote`, `matchedName` and `matchedAs` are extra fields, also `null` when absent.
/// `people` is the list of persons an 8-K's 5.02 text names (departure, appointment and compensation
/// events read from text), `null` for other events.
public struct EventJSON: Codable, Sendable, Equatable {
    /// The company's name.
    public var company: String
    /// The company's Central Index Key, or nil.
    public var cik: Int64?
    /// `layoff`, `closure`, `departure`, ... (``EventKind``).
    public var kind: EventKind
    /// `sec-8k`, `ca-warn` or `eu-erm`.
    public var source: Source
    /// The record within its source: accession number, WARN row key or ERM id.
    public var sourceRef: String
    /// ISO date `YYYY-MM-DD`.
    public var date: String
    /// Where the record can be read.
    public var url: String?
    /// One line saying what happened.
    public var summary: String
    /// `legal-notice`, `sec-item`, `document-text` or `media`.
    public var strength: Strength
    /// True for events found in a company's past when it was first watched.
    public var historical: Bool
    /// The number of employees the record states, when it states one.
    public var employees: Int?
    /// The words of the record that prove the event, when read.
    public var quote: String?
    /// The name in the record that matched the watch.
    public var matchedName: String?
    /// Which of the company's names it matched and why that makes it the company's (WARN, ERM).
    public var matchedAs: String?
    /// The people the event's 8-K text names, or nil for events not read for people.
    public var people: [Person]?

    /// One person of `people`: the contract's fields, each present (`null` when unknown), and the quote.
    public struct Person: Codable, Sendable, Equatable {
        /// The person, as named in the text.
        public var name: String
        /// The office concerned, in full, or nil.
        public var role: String?
        /// `departure`, `appointment`, `compensation` or `role-change`.
        public var change: PersonChange.Change
        /// The effective date, ISO, or nil.
        public var effective: String?
        /// For a departure: who the filing appoints in their place, or nil.
        public var successor: String?
        /// The appointment (for a departure: the successor's) is interim or acting.
        public var interim: Bool
        /// Why the person leaves, or nil.
        public var reason: PersonChange.Reason?
        /// The sentence that proves it.
        public var quote: String

        /// The JSON form of `person`, its text made safe to print.
        public init(_ person: PersonChange) {
            name = TextSanitizer.singleLine(person.name)
            role = person.role.map(TextSanitizer.singleLine)
            change = person.change
            effective = person.effective
            successor = person.successor.map(TextSanitizer.singleLine)
            interim = person.interim
            reason = person.reason
            quote = TextSanitizer.multiLine(person.quote)
        }

        enum CodingKeys: String, CodingKey {
            case name, role, change, effective, successor, interim, reason, quote
        }

        /// Encodes every field, writing `null` for absent optionals.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(role, forKey: .role)
            try container.encode(change, forKey: .change)
            try container.encode(effective, forKey: .effective)
            try container.encode(successor, forKey: .successor)
            try container.encode(interim, forKey: .interim)
            try container.encode(reason, forKey: .reason)
            try container.encode(quote, forKey: .quote)
        }
    }

    /// The JSON form of `event`; names, summary and quote are passed through ``TextSanitizer``.
    public init(_ event: Event) {
        company = TextSanitizer.singleLine(event.company)
        cik = event.cik
        kind = event.kind
        source = event.source
        sourceRef = TextSanitizer.singleLine(event.sourceRef)
        date = event.date
        url = event.url.map(TextSanitizer.singleLine)
        summary = TextSanitizer.singleLine(event.summary)
        strength = event.strength
        historical = event.historical
        employees = event.employees
        quote = event.quote.map(TextSanitizer.multiLine)
        matchedName = event.matchedName.map(TextSanitizer.singleLine)
        matchedAs = event.matchedAs.map(TextSanitizer.singleLine)
        people = event.people.map { $0.map(Person.init) }
    }

    enum CodingKeys: String, CodingKey {
        case company, cik, kind, source, sourceRef, date, url, summary, strength, historical, employees, quote, matchedName, matchedAs, people
    }

    /// Encodes every field, writing `null` for absent optionals (synthesized coding would omit them).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(company, forKey: .company)
        try container.encode(cik, forKey: .cik)
        try container.encode(kind, forKey: .kind)
        try container.encode(source, forKey: .source)
        try container.encode(sourceRef, forKey: .sourceRef)
        try container.encode(date, forKey: .date)
        try container.encode(url, forKey: .url)
        try container.encode(summary, forKey: .summary)
        try container.encode(strength, forKey: .strength)
        try container.encode(historical, forKey: .historical)
        try container.encode(employees, forKey: .employees)
        try container.encode(quote, forKey: .quote)
        try container.encode(matchedName, forKey: .matchedName)
        try container.encode(matchedAs, forKey: .matchedAs)
        try container.encode(people, forKey: .people)
    }
}
