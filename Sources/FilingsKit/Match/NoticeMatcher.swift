import FilingsModel
import Foundation

/// How the company named on a WARN notice or ERM event relates to a watched company.
public enum NoticeMatch: Sendable, Equatable {
    /// The notice is the watched company's own; carries the watched name that matched.
    case match(String)
    /// Another employer working at the watched company's site ("Aramark at Facebook"): not the
    /// watched company's own layoff. Carries the watched name that matched.
    case contractorAt(String)
    /// Unrelated.
    case none
}

/// Decides, with high precision, whether a notice's company is a watched company or a contractor at it.
///
/// Rules, on `CompanyName.words` (lowercased, punctuation and trailing legal forms removed):
/// 1. The notice is split at the first contractor marker (" at ", " @ ", " c/o "): the part before
///    is the employer, the part after the host site. "X dba Y" gives the employer two names.
/// 2. An employer name is the watched company when it equals a watched name, when a watched name
///    of two or more words appears in it whole ("Meta Platforms Technologies"), or when a one-word
///    watched name is followed only by country words ("Meta USA"). A one-word name is never
///    matched inside other text: "Meta" does not match "Metal Works", "Metamorphosis Inc" or
///    "Meta Materials Inc".
/// 3. Otherwise the host is tried the same way after dropping site words ("facility", "campus"),
///    and a one-word name may also be followed by building codes ("Facebook FRE 114", "SUN101"):
///    that gives `.contractorAt`. So does a watched name glued on by a hyphen ("Anning-Johnson
///    Company-Facebook", "Anning-Johnson Company-Western Digital").
/// 4. A name used only since a date (Meta since 2021-10-28) does not match notices dated before
///    it: "Meta Company" (2018) was another firm.
public struct NoticeMatcher: Sendable {
    /// A watched name, optionally in use only from a date on.
    public struct Name: Sendable, Equatable {
        /// The name as the user or EDGAR gives it.
        public var name: String
        /// ISO date from which the company used this name; notices dated earlier do not match it.
        public var since: String?

        /// A name, optionally dated.
        public init(_ name: String, since: String? = nil) {
            self.name = name
            self.since = since
        }
    }

    private let names: [(name: Name, words: [String])]

    private static let countryWords: Set<String> = ["us", "usa", "america", "of", "north", "california"]
    private static let siteWords: Set<String> = [
        "facility", "facilities", "campus", "site", "office", "offices", "headquarters", "hq", "location",
        "building", "bldg", "buildings", "premises", "cafe", "cafes", "data", "center", "centre", "hotel",
        "store", "plant", "warehouse", "restaurant", "kitchen", "kitchens", "dining", "hvac", "janitorial", "security",
    ]

    /// A matcher for plain names (current, former, aliases).
    public init(names: [String]) {
        self.init(names: names.map { Name($0) })
    }

    /// A matcher for names, some of them dated.
    public init(names: [Name]) {
        self.names = names.map { ($0, CompanyName.words($0.name)) }.filter { !$0.words.isEmpty }
    }

    /// Classifies a notice's company name; `date` (ISO) is the notice's date, when known.
    public func match(_ company: String, on date: String? = nil) -> NoticeMatch {
        let active = names.filter { entry in
            guard let since = entry.name.since, let date else { return true }
            return since <= date
        }
        let text = WarnText.clean(company)
        // Equality first, so a watched name that itself contains " at " is not split.
        let whole = CompanyName.words(text)
        if let entry = active.first(where: { $0.words == whole }) { return .match(entry.name.name) }
        let (employer, host) = Self.splitContractor(text)
        for alias in Self.splitDBA(employer) {
            if let name = Self.first(in: active, matching: CompanyName.words(alias), relaxed: false) { return .match(name) }
        }
        if let host {
            var words = CompanyName.words(host)
            while words.count > 1, let last = words.last, Self.siteWords.contains(last) { words.removeLast() }
            words = CompanyName.words(words.joined(separator: " "))
            if let name = Self.first(in: active, matching: words, relaxed: true) { return .contractorAt(name) }
        } else if let hyphen = text.range(of: #"[A-Za-z.]-[A-Za-z][^-]*$"#, options: .regularExpression) {
            let tail = String(text[hyphen].dropFirst(2))
            let words = CompanyName.words(tail)
            if let entry = active.first(where: { $0.words == words }) { return .contractorAt(entry.name.name) }
        }
        return .none
    }

    private static func first(in names: [(name: Name, words: [String])], matching words: [String], relaxed: Bool) -> String? {
        guard !words.isEmpty else { return nil }
        for entry in names {
            let watched = entry.words
            if words == watched { return entry.name.name }
            if watched.count >= 2, CompanyName.containsWords(words, watched) { return entry.name.name }
            if watched.count == 1, words.first == watched[0] {
                let rest = words.dropFirst()
                if rest.allSatisfy({ countryWords.contains($0) }) { return entry.name.name }
                if relaxed, rest.allSatisfy({ $0.count <= 3 || $0.contains(where: \.isNumber) || siteWords.contains($0) }) {
                    return entry.name.name
                }
            }
        }
        return nil
    }

    /// The employer and, after " at ", " @ " or " c/o ", the host site.
    static func splitContractor(_ text: String) -> (employer: String, host: String?) {
        guard let marker = text.range(of: #"\s+at\s+|\s*@\s*|\s+c/o\s+"#, options: [.regularExpression, .caseInsensitive]) else {
            return (text, nil)
        }
        return (String(text[..<marker.lowerBound]), String(text[marker.upperBound...]))
    }

    /// "X dba Y" / "X d/b/a Y" as both names.
    static func splitDBA(_ text: String) -> [String] {
        var parts: [String] = []
        var rest = text[...]
        while let range = rest.range(of: #"\s+(?:dba|d/b/a|d\.b\.a\.)\s+"#, options: [.regularExpression, .caseInsensitive]) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
