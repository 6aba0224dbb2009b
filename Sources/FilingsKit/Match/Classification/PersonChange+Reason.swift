import FilingsModel
import Foundation

extension PersonChange.Reason {
    /// The words of each reason, most specific first: a death is not a "retirement", a removal not a "resignation".
    static let words: [(PersonChange.Reason, NSRegularExpression?)] = [
        (.death, SentenceText.regex(#"\b(passed away|died|death)\b"#)),
        (.termination, SentenceText.regex(#"\bterminat|\bremoved\b|\bdismiss"#)),
        (.notStandingForReelection, SentenceText.regex(#"\b(stand|seek|be nominated|run)( for)? (re-?election|reelection|another term)"#)),
        (.retirement, SentenceText.regex(#"\bretir(e|ed|es|ing|ement)\b"#)),
        (.resignation, SentenceText.regex(#"\bresign(ed|s|ing|ation)?\b"#)),
    ]

    /// The reason a departure phrase (or, failing that, its sentence) words, or nil.
    static func read(_ text: String) -> PersonChange.Reason? {
        words.first { entry in SentenceText.firstMatch(entry.1, in: text) != nil }?.0
    }
}
