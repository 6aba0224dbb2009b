/// What an event says happened.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case layoff
    case closure
    case departure
    case appointment
    case compensation
    /// An Item 5.02 whose text has not been read yet.
    case officerChange = "officer-change"
    case restructuring
    case other
}

/// How much weight the evidence behind an event carries.
public enum Strength: String, Codable, Sendable, CaseIterable, Comparable {
    case legalNotice = "legal-notice"
    case secItem = "sec-item"
    case documentText = "document-text"
    case media

    /// Lower rank is stronger evidence.
    var rank: Int {
        switch self {
        case .legalNotice: 0
        case .documentText: 1
        case .secItem: 2
        case .media: 3
        }
    }

    public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rank < rhs.rank }
}
