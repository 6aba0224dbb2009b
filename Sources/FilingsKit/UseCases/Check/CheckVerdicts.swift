import FilingsModel
import Foundation

/// The rules that turn evidence and coverage into a verdict: plain, and never "refuted".
public enum CheckVerdicts {
    /// The verdict on `claim` from the events in the window and what each source covers.
    public static func verdict(for claim: Claim, events: [Event], coverage: [SourceCoverage]) -> ClaimVerdict {
        let relevant = events.filter { claim.kinds.contains($0.kind) }
            .sorted { ($0.strength, $1.date) < ($1.strength, $0.date) }
        let sources = coverage.filter { claim.weighs($0.source) }
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
}
