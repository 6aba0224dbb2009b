import FilingsModel
import Foundation

/// Who a company is across every source: each name it is known by, with where it came from and
/// when it held, and the stored notices each name has matched.
public struct CompanyIdentity: Sendable, Encodable {
    /// A stored WARN notice or ERM event a name matched.
    public struct Notice: Sendable, Encodable, Equatable {
        public var source: Source
        public var sourceRef: String
        /// The employer as the notice prints it.
        public var company: String
        public var date: String?
        public var employees: Int?
        /// Why it is the company's (or, for a contractor, whose site it was at).
        public var matchedAs: String

        /// Writes `null` for an unknown date or count, as every JSON shape of the contract does.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(source, forKey: .source)
            try c.encode(sourceRef, forKey: .sourceRef)
            try c.encode(company, forKey: .company)
            try c.encode(date, forKey: .date)
            try c.encode(employees, forKey: .employees)
            try c.encode(matchedAs, forKey: .matchedAs)
        }

        enum CodingKeys: String, CodingKey { case source, sourceRef, company, date, employees, matchedAs }
    }

    /// One name and the notices it matched.
    public struct Name: Sendable, Encodable {
        public var name: KnownName
        /// Why a notice carrying it is the company's, in a few words.
        public var reason: String
        /// The company's own notices this name matched, newest first.
        public var notices: [Notice]

        /// One flat object: the name, its basis, validity and provenance, the reason and the notices.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name.name, forKey: .name)
            try c.encode(name.basis, forKey: .basis)
            try c.encode(name.from, forKey: .from)
            try c.encode(name.to, forKey: .to)
            try c.encode(name.provenance, forKey: .provenance)
            try c.encode(reason, forKey: .reason)
            try c.encode(notices, forKey: .notices)
        }

        enum CodingKeys: String, CodingKey { case name, basis, from, to, provenance, reason, notices }
    }

    public var cik: Int64
    /// The company's current name.
    public var company: String
    public var names: [Name]
    /// Notices matched by no name but linked to the company as the one company of their employer's name.
    public var linked: [Notice]
    /// Other employers' notices at the company's sites or under its name: never its layoffs.
    public var contractors: [Notice]
}
