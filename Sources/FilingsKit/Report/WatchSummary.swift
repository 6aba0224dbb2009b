import FilingsFormats
import Foundation

/// What `filings watch` tells the user.
public enum WatchSummary {
    /// The resolved company, how it matched, what was stored, and the nearest other candidates.
    public static func text(_ outcome: WatchOutcome) -> String {
        let company = outcome.company
        var lines = ["watching \(TextSanitizer.singleLine(company.name)) (CIK \(company.cik)\(company.tickers.isEmpty ? "" : ", " + company.tickers.joined(separator: ", "))), matched by \(TextSanitizer.singleLine(outcome.matchedBy))"]
        if !company.formerNames.isEmpty {
            lines.append("  formerly: " + company.formerNames.map { TextSanitizer.singleLine($0.name) }.joined(separator: "; "))
        }
        if !outcome.watch.aliases.isEmpty {
            lines.append("  aliases: " + outcome.watch.aliases.map(TextSanitizer.singleLine).joined(separator: ", "))
        }
        if outcome.historyError == nil {
            // A history EDGAR served in part says where it starts, not only how many filings it holds.
            let since = outcome.historyIncompleteBefore.map { " since \($0) (EDGAR did not serve the older history pages; a check of an earlier window asks again)" } ?? ""
            lines.append("  \(outcome.filingsStored) 8-K filings in its history\(since); \(outcome.historicalEvents) past events recorded as history (not mailed)")
        }
        if let subsidiaries = outcome.subsidiaries {
            lines.append("  \(TextSanitizer.singleLine(subsidiaries)); `filings who \(company.cik)` lists every name it is known by")
        }
        if !outcome.others.isEmpty {
            lines.append("  other companies with similar names (use --cik to pick one):")
            lines += outcome.others.map { "    CIK \($0.cik)  \($0.tickers.first ?? "-")  \(TextSanitizer.singleLine($0.currentName))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
