import FilingsFormats
import FilingsModel
import Foundation

/// Renders a `CheckResult` for people (text) and scripts (JSON in the contract's shape).
public enum CheckReport {
    /// The verdict per claim, its evidence one line each, and one coverage line per source.
    public static func text(_ result: CheckResult) -> String {
        var lines = ["\(TextSanitizer.singleLine(result.company))\(result.cik.map { " (CIK \($0))" } ?? ""), \(result.since) to \(result.until)"]
        for claim in result.claims {
            lines.append("")
            lines.append("\(claim.claim.rawValue): \(headline(claim.verdict))")
            for event in claim.evidence.prefix(20) {
                var line = "  \(event.date)  \(event.source.rawValue)  \(event.kind.rawValue) [\(event.strength.rawValue)]  \(TextSanitizer.singleLine(event.summary))"
                if let employees = event.employees { line += " — \(employees) employees" }
                if let url = event.url { line += "\n      \(TextSanitizer.singleLine(url))" }
                if let match = Listing.matchLine(event) { line += "\n      \(match)" }
                lines.append(line)
            }
            if claim.evidence.count > 20 { lines.append("  … and \(claim.evidence.count - 20) more (use --json)") }
            let states = claim.coverage.filter { $0.source.isStateWarn && $0.source != .caWarn }
            for source in claim.coverage where !states.contains(source) || !foldable(source) {
                let span = [source.from, source.until].compactMap { $0 }.joined(separator: "..")
                // The span is what the source holds, said as such: beside "NOT covered" a bare span read as the gap.
                let holds = span.isEmpty ? "" : " (holds \(span))"
                lines.append("  \(source.source.rawValue): \(source.covered ? "covered" : "NOT covered")\(holds): \(TextSanitizer.singleLine(source.note))")
                lines.append("      can show: \(source.scope)")
            }
            lines += foldedStates(states.filter(foldable))
        }
        lines.append("")
        lines.append("No record is not a denial: departures below officer level and small cuts leave no filing.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a state that publishes no notices is said, in its note and its folded line.
    static let doesNotPublish = "does not publish"
    /// How a state feed never read is said.
    static let neverRead = "never read"

    /// A state's line that folds with others agreeing with it: covered, never read, or not published.
    private static func foldable(_ source: SourceCoverage) -> Bool {
        source.covered || source.note.hasPrefix(doesNotPublish) || source.note.hasPrefix(neverRead)
    }

    /// One line for the states that are covered, one for those never read, one for those that do not publish.
    private static func foldedStates(_ states: [SourceCoverage]) -> [String] {
        func codes(_ list: [SourceCoverage]) -> String {
            list.compactMap { USState.code(of: $0.source) }.sorted().joined(separator: ", ")
        }
        var lines: [String] = []
        let covered = states.filter(\.covered)
        let unread = states.filter { $0.note.hasPrefix(neverRead) }
        let silent = states.filter { $0.note.hasPrefix(doesNotPublish) }
        if !covered.isEmpty { lines.append("  state WARN, covered (\(covered.count)): \(codes(covered))") }
        if !unread.isEmpty {
            lines.append("  state WARN, NOT covered, never read (\(unread.count)): \(codes(unread)); `filings sync` reads them")
        }
        if !silent.isEmpty { lines.append("  state WARN, NOT covered, the state does not publish notices (\(silent.count)): \(codes(silent))") }
        return lines
    }

    static func headline(_ verdict: VerdictKind) -> String {
        switch verdict {
        case .confirmed: "CONFIRMED by the record"
        case .indirect: "INDIRECT: only media reports or unread items point to it"
        case .noRecord: "NO RECORD in any source that covers the window (this does not refute it)"
        case .notCovered: "NOT COVERED: a source that could hold a record could not be read for the window or does not reach it"
        }
    }

    /// The contract's check JSON.
    public static func json(_ result: CheckResult) throws -> String {
        try Listing.json(CheckJSON(result))
    }
}

/// `{"company","cik","since","until","claims":[{"claim","verdict","evidence":[event...],"coverage":[...]}]}`.
struct CheckJSON: Encodable {
    struct ClaimJSON: Encodable {
        var claim: Claim
        var verdict: VerdictKind
        var evidence: [EventJSON]
        var coverage: [SourceCoverageJSON]
    }

    /// Coverage with every field present (`null` when unknown).
    struct SourceCoverageJSON: Encodable {
        var coverage: SourceCoverage

        enum CodingKeys: String, CodingKey { case source, covered, from, until, note, scope }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(coverage.source, forKey: .source)
            try c.encode(coverage.covered, forKey: .covered)
            try c.encode(coverage.from, forKey: .from)
            try c.encode(coverage.until, forKey: .until)
            try c.encode(TextSanitizer.singleLine(coverage.note), forKey: .note)
            try c.encode(coverage.scope, forKey: .scope)
        }
    }

    var company: String
    var cik: Int64?
    var since: String
    var until: String
    var claims: [ClaimJSON]

    init(_ result: CheckResult) {
        company = TextSanitizer.singleLine(result.company)
        cik = result.cik
        since = result.since
        until = result.until
        claims = result.claims.map {
            ClaimJSON(claim: $0.claim, verdict: $0.verdict, evidence: $0.evidence.map(EventJSON.init), coverage: $0.coverage.map(SourceCoverageJSON.init))
        }
    }

    enum CodingKeys: String, CodingKey { case company, cik, since, until, claims }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(company, forKey: .company)
        try c.encode(cik, forKey: .cik)
        try c.encode(since, forKey: .since)
        try c.encode(until, forKey: .until)
        try c.encode(claims, forKey: .claims)
    }
}
