import FilingsModel

/// A stored record's link to the company it is: `warn:<key>` or `erm:<id>` to a CIK, with the reason.
public struct RecordLink: Codable, Sendable, Equatable {
    /// `warn:<key>` or `erm:<id>`.
    public var record: String
    /// The company, nil when no single company is the clear match.
    public var cik: Int64?
    /// The company's name the record's employer matched.
    public var name: String?
    /// What kind of name it was (`KnownName.Basis`).
    public var basis: KnownName.Basis?
    /// Why: "current name", "brand (…)", or why no company was linked ("2 companies have this name").
    public var reason: String

    /// A link (or a recorded absence of one).
    public init(record: String, cik: Int64?, name: String?, basis: KnownName.Basis?, reason: String) {
        self.record = record
        self.cik = cik
        self.name = name
        self.basis = basis
        self.reason = reason
    }

    /// The link key of a WARN notice.
    public static func key(warn notice: WarnNotice) -> String { "warn:\(notice.key)" }
    /// The link key of an ERM event.
    public static func key(erm event: ERMEvent) -> String { "erm:\(event.id)" }
}
