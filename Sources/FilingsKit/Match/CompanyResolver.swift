import Foundation

/// The answer to "which company does the user mean by this name?".
public enum Resolution: Sendable, Equatable {
    /// One company matched exactly (CIK, ticker, or whole name); `others` are the nearest other candidates.
    case resolved(NameCandidate, others: [NameCandidate])
    /// No exact match, and the words of one company's names alone hold every word asked (`Expedia`
    /// for "Expedia Group, Inc."): resolved, and said so.
    case resolvedByWords(NameCandidate)
    /// No exact match and several word matches: the user must choose with `--cik`.
    case ambiguous([NameCandidate])
    case notFound
}

/// Decides which company a user's words name, from the candidates the store found.
public enum CompanyResolver {
    /// How strongly a candidate matched; lower wins.
    static func rank(_ candidate: NameCandidate, query: String, normalized: String) -> Int? {
        // The stored key when there is one: normalizing thousands of word matches again costs more than the lookup.
        let name = candidate.normalizedName.isEmpty ? CompanyName.normalize(candidate.matchedName) : candidate.normalizedName
        return switch candidate.kind {
        case "ticker" where candidate.matchedName.uppercased() == query.uppercased(): 1
        case "current" where name == normalized: 2
        case "alias" where name == normalized: 3
        case "former" where name == normalized: 4
        default: nil
        }
    }

    /// Resolves `query` against `candidates`: exact matches (ticker, whole normalized current, alias or former name) win
    /// over word matches; with no exact match a single company matched by words resolves, several are ambiguous.
    public static func resolve(_ query: String, candidates: [NameCandidate]) -> Resolution {
        let normalized = CompanyName.normalize(query)
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        var bestRank = Int.max
        var best: [NameCandidate] = []
        for candidate in candidates {
            guard let rank = rank(candidate, query: trimmed, normalized: normalized) else { continue }
            if rank < bestRank {
                bestRank = rank
                best = [candidate]
            } else if rank == bestRank {
                best.append(candidate)
            }
        }
        let bestCIKs = Set(best.map(\.cik))
        let others = distinctByCIK(candidates.filter { !bestCIKs.contains($0.cik) })
        if bestCIKs.count == 1, let winner = best.first {
            return .resolved(winner, others: Array(others.prefix(5)))
        }
        if bestCIKs.count > 1 {
            return .ambiguous(distinctByCIK(best) + others)
        }
        // One company by words alone resolves, and the caller says it matched by words; several never pick one.
        if others.count == 1, let only = others.first { return .resolvedByWords(only) }
        return others.isEmpty ? .notFound : .ambiguous(others)
    }

    /// One candidate per CIK, keeping the first (best) occurrence, shortest names first.
    static func distinctByCIK(_ candidates: [NameCandidate]) -> [NameCandidate] {
        var seen = Set<Int64>()
        return candidates.sorted { ($0.currentName.count, $0.cik) < ($1.currentName.count, $1.cik) }
            .filter { seen.insert($0.cik).inserted }
    }
}
