/// One person's change of office read from an 8-K's Item 5.02 text: who, which office, what changed, when and why.
public struct PersonChange: Codable, Sendable, Equatable {
    /// What happened to the person.
    public enum Change: String, Codable, Sendable, CaseIterable {
        case departure
        case appointment
        case compensation
        /// The person leaves one office for another at the same company (CEO to Executive Chair).
        case roleChange = "role-change"
    }

    /// Why the person leaves, as the text words it.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case retirement
        case resignation
        case termination
        case death
        case notStandingForReelection = "not standing for re-election"
        /// Item 5.02(a) wording, given when the text states no other reason.
        case noDisagreement = "not the result of any disagreement"
    }

    /// The person, as named in the text ("Jane A. Doe").
    public var name: String
    /// The office concerned, in full ("Chief Financial Officer"), when stated.
    public var role: String?
    /// What changed.
    public var change: Change
    /// The effective date, ISO `YYYY-MM-DD`, when the text states a real one.
    public var effective: String?
    /// For a departure: the person the same filing appoints to that office.
    public var successor: String?
    /// For an appointment: the office is held on an interim or acting basis. For a departure: the successor's is.
    public var interim: Bool
    /// Why the person leaves, when the text says.
    public var reason: Reason?
    /// The sentence that proves the change.
    public var quote: String

    /// A change of `name`'s office.
    public init(
        name: String, role: String? = nil, change: Change, effective: String? = nil, successor: String? = nil,
        interim: Bool = false, reason: Reason? = nil, quote: String
    ) {
        self.name = name
        self.role = role
        self.change = change
        self.effective = effective
        self.successor = successor
        self.interim = interim
        self.reason = reason
        self.quote = quote
    }
}
