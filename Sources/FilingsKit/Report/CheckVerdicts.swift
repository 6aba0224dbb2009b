import Foundation

/// The rules that turn evidence and coverage into a verdict: plain, and never "refuted".
public enum CheckVerdicts {
    /// The verdict on `claim` from the events in the window and what each source covers.
    public static func verdict(for claim: Claim, events: [Event], coverage: [SourceCoverage]) -> ClaimVerdict {
        let relevant = events.filter { claim.kinds.contains($0.kind) }
            .sorted { ($0.strength, $1.date) < ($1.strength, $0.date) }
        let sources = coverage.filter { claim.sources.contains($0.source) }
        let verdict: VerdictKind
        if relevant.contains(where: isFirmEvidence) {
            verdict = .confirmed
        } else if !relevant.isEmpty {
            verdict = .indirect
        } else if sources.allSatisfy(\.covered) {
            verdict = .noRecord
        } else {
            verdict = .notCovered
        }
        return ClaimVerdict(claim: claim, verdict: verdict, evidence: relevant, coverage: sources)
    }

    /// A legal notice, an SEC item that names the event, or document text; an unread Item 5.02 may be only pay.
    static func isFirmEvidence(_ event: Event) -> Bool {
        switch event.strength {
        case .legalNotice, .documentText: true
        case .secItem: event.kind != .officerChange
        case .media: false
        }
    }

    /// What each source can and cannot show, in DESIGN.md's words, for the coverage lines.
    public static func scope(of source: SourceKind) -> String {
        switch source {
        case .sec8k:
            "8-K Item 5.02 names departures of directors and principal officers only (not researchers or team leads); Item 2.05 only material exit plans; layoffs are often announced under 7.01/8.01"
        case .caWarn:
            "California sites only: 50 or more layoffs in 30 days at a site of 75 or more; resignations, retirements and smaller cuts trigger no notice"
        case .euErm:
            "media reports of EU restructurings of 100+ jobs (or 10% of a site over 250); national notices are not public in DE, NL, IE, FI, AT"
        }
    }
}
