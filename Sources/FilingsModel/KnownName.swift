/// A name a company is known by, with where it came from and when it held.
public struct KnownName: Codable, Sendable, Hashable {
    /// What kind of name it is; it decides how strictly a notice must carry it to count.
    public enum Basis: String, Codable, Sendable, CaseIterable {
        /// The name EDGAR gives today.
        case current
        /// A name EDGAR records the company used before.
        case former
        /// A ticker on SEC's ticker map (never matched in notices: "META" in a name is a word, not a ticker).
        case ticker
        /// The short name the company goes by: its ticker when that is also the first word of its name.
        case brand
        /// A name the user gave with `filings watch --alias`.
        case alias
        /// A subsidiary listed in Exhibit 21 of the company's latest 10-K.
        case subsidiary
    }

    /// The name as its source writes it.
    public var name: String
    /// What kind of name it is.
    public var basis: Basis
    /// ISO day from which the name held, when known.
    public var from: String?
    /// ISO day on which the name stopped holding, when known.
    public var to: String?
    /// Where the name came from, said for a reader: "EDGAR submissions", "Exhibit 21 of the 10-K filed 2026-01-29 (0001326801-26-000012)".
    public var provenance: String

    /// A name with its kind, validity and provenance.
    public init(_ name: String, basis: Basis, from: String? = nil, to: String? = nil, provenance: String) {
        self.name = name
        self.basis = basis
        self.from = from
        self.to = to
        self.provenance = provenance
    }

    /// Whether a notice dated `date` can carry this name. A current name and a brand hold only from
    /// the day the company took them ("Meta Company" of 2018 was another firm); a former name is
    /// still written on notices long after a rename, so it never expires.
    public func holds(on date: String?) -> Bool {
        guard let date, let from, basis == .current || basis == .brand else { return true }
        return from <= date
    }

    /// Why a notice carrying this name is the company's, in a few words: "former name (until 2022-06-09)".
    public var reason: String {
        switch basis {
        case .current: "current name"
        case .former: "former name" + (to.map { " (until \($0))" } ?? "")
        case .ticker: "ticker"
        case .brand: "brand (\(provenance))"
        case .alias: "alias you gave"
        case .subsidiary: "subsidiary (\(provenance))"
        }
    }
}
