import FilingsKit

extension Resolution {
    /// The companies found by the words of their names alone: the one a single word match resolves
    /// to, or the several the user must choose from; nil for an exact match or none.
    var wordMatches: [NameCandidate]? {
        switch self {
        case .resolvedByWords(let only): [only]
        case .ambiguous(let several): several
        case .resolved, .notFound: nil
        }
    }
}
