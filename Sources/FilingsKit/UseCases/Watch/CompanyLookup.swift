import FilingsModel
import Foundation

/// Which company a user means by a name, ticker or CIK: the one set of rules `watch`, `check`,
/// `events` and `records` share.
public struct CompanyLookup: Sendable {
    /// The company found, and how.
    public struct Match: Sendable, Equatable {
        public var cik: Int64
        /// How the name matched, for the user to check: `ticker "META"`, `the words of "Expedia Group, Inc."`.
        public var matchedBy: String
        /// The nearest other companies.
        public var others: [NameCandidate]
    }

    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Resolves `query` from the store alone: a CIK, a watched company (by name, alias, former name
    /// or ticker), else the stored names and tickers.
    public func stored(_ query: String) throws -> Match {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber), let cik = Int64(trimmed) { return Match(cik: cik, matchedBy: "CIK", others: []) }
        if let watch = try Watcher(context: context).findWatch(trimmed) {
            return Match(cik: watch.cik, matchedBy: "watch \"\(watch.name)\"", others: [])
        }
        let candidates = try context.store.nameCandidates(
            normalized: CompanyName.normalize(trimmed), ticker: trimmed.uppercased(), words: CompanyName.words(trimmed))
        switch CompanyResolver.resolve(trimmed, candidates: candidates) {
        case .resolved(let winner, let others):
            return Match(cik: winner.cik, matchedBy: "\(winner.kind) \"\(winner.matchedName)\"", others: others)
        case .resolvedByWords(let winner):
            return Match(cik: winner.cik, matchedBy: "the words of \"\(winner.currentName)\"", others: [])
        case .ambiguous(let candidates):
            throw WatchError.ambiguous(query: trimmed, candidates: candidates)
        case .notFound:
            throw WatchError.notFound(query: trimmed)
        }
    }

    /// Resolves `query` as `stored` does, after refreshing SEC's ticker maps when they are a week old:
    /// `watch` and an online `check` may name a company the store has not seen.
    public func refreshed(_ query: String, feed: FeedDefinition) async throws -> Match {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || !trimmed.allSatisfy(\.isNumber) {
            try await TickerMapRefresher(context: context, feed: feed).refreshIfStale()
        }
        return try stored(trimmed)
    }
}
