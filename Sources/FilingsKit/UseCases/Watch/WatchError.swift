import Foundation

/// Why a watch could not be added.
public enum WatchError: LocalizedError, Equatable {
    case ambiguous(query: String, candidates: [NameCandidate])
    case notFound(query: String)

    public var errorDescription: String? {
        switch self {
        case .ambiguous(let query, let candidates):
            let lines = candidates.prefix(15).map { "  CIK \($0.cik)  \($0.tickers.first ?? "-")  \($0.currentName)" + ($0.kind == "former" ? " (formerly \($0.matchedName))" : "") }
            return (["\"\(query)\" matches several companies; choose one with --cik:"] + lines).joined(separator: "\n")
        case .notFound(let query):
            return "no company matches \"\(query)\"; try its ticker or CIK (https://www.sec.gov/cgi-bin/browse-edgar?company=\(query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? query))"
        }
    }
}
