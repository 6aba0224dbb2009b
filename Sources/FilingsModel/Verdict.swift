import Foundation

/// What a rumor claims, as `filings check --claim` names it.
public enum Claim: String, Codable, Sendable, CaseIterable {
    case layoffs
    case departures
    case any

    /// The event kinds that would bear the claim out.
    public var kinds: Set<EventKind> {
        switch self {
        case .layoffs: [.layoff, .closure, .restructuring]
        case .departures: [.departure, .officerChange]
        case .any: Set(EventKind.allCases).subtracting([.other])
        }
    }

    /// True when `source` could hold a record of such a claim: every source for layoffs (a state's
    /// WARN feed added tomorrow too), only EDGAR for departures (no notice names who resigned).
    public func weighs(_ source: Source) -> Bool {
        switch self {
        case .layoffs, .any: true
        case .departures: source == .sec8k
        }
    }
}

/// The answer for one claim.
public enum VerdictKind: String, Codable, Sendable {
    /// A legal notice, an SEC item or document text in the window bears it out.
    case confirmed
    /// Only media reports or unread items point to it.
    case indirect
    /// Every source that could hold a record covers the window and holds none. Not a refutation.
    case noRecord = "no-record"
    /// A source that could hold a record could not be read for the window.
    case notCovered = "not-covered"
}

/// What one source can say about a window.
public struct SourceCoverage: Codable, Sendable, Equatable {
    public var source: Source
    public var covered: Bool
    /// ISO dates of the span the stored data covers, when known.
    public var from: String?
    public var until: String?
    /// Why the source is or is not covered for the window.
    public var note: String
    /// What the source can and cannot show at all.
    public var scope: String

    public init(source: Source, covered: Bool, from: String?, until: String?, note: String, scope: String) {
        self.source = source
        self.covered = covered
        self.from = from
        self.until = until
        self.note = note
        self.scope = scope
    }
}

/// The verdict on one claim with its evidence and the coverage behind it.
public struct ClaimVerdict: Sendable, Equatable {
    public var claim: Claim
    public var verdict: VerdictKind
    public var evidence: [Event]
    public var coverage: [SourceCoverage]

    /// A verdict from its parts.
    public init(claim: Claim, verdict: VerdictKind, evidence: [Event], coverage: [SourceCoverage]) {
        self.claim = claim
        self.verdict = verdict
        self.evidence = evidence
        self.coverage = coverage
    }
}

/// The answer of `filings check` for one company and window.
public struct CheckResult: Sendable, Equatable {
    public var company: String
    public var cik: Int64?
    public var since: String
    public var until: String
    public var claims: [ClaimVerdict]

    /// A result from its parts.
    public init(company: String, cik: Int64?, since: String, until: String, claims: [ClaimVerdict]) {
        self.company = company
        self.cik = cik
        self.since = since
        self.until = until
        self.claims = claims
    }
}
