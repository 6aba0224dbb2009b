import FilingsModel
import Foundation

/// How the company named on a WARN notice or ERM event relates to a watched company.
public enum NoticeMatch: Sendable, Equatable {
    /// The notice is the company's own; carries the name it matched.
    case match(KnownName)
    /// Another employer working at the company's site or under its name ("Aramark at Facebook",
    /// "ABM Industry Groups, LLC dba Meta"): not the company's own layoff. Carries the name it matched.
    case contractorAt(KnownName)
    /// Unrelated.
    case none

    /// The company's name the notice matched, own or contractor's.
    public var name: KnownName? {
        switch self {
        case .match(let name), .contractorAt(let name): name
        case .none: nil
        }
    }
}

/// Decides, with high precision, whether a notice's company is a watched company or a contractor at it.
///
/// Rules, on `CompanyName.words` (lowercased, punctuation and trailing legal forms removed):
/// 1. The notice is split at the first contractor marker (" at ", " @ ", " c/o ", " for "): the part
///    before is the employer, the part after the host site. In "X dba Y" the employer is X.
/// 2. An employer name is the company when it equals one of its names, when a name of two or more
///    words appears in it whole ("Meta Platforms Technologies"), or when a one-word name is followed
///    only by country words ("Meta USA"). A one-word name is never matched inside other text: "Meta"
///    does not match "Metal Works", "Metamorphosis Inc" or "Meta Materials Inc".
/// 3. A brand ("Meta") counts only where nothing else explains it: as the whole employer name. Under
///    "dba", "at", "for" it names whose site or name another employer works under: `.contractorAt`.
/// 4. Otherwise the host is tried the same way after dropping site words ("facility", "campus"),
///    and a one-word name may also be followed by building codes ("Facebook FRE 114", "SUN101"):
///    that gives `.contractorAt`. So does a name glued on by a hyphen ("Anning-Johnson
///    Company-Facebook").
/// 5. A current name or brand held only since a date (Meta since 2021-10-28) does not match notices
///    dated before it: "Meta Company" (2018) was another firm.
public struct NoticeMatcher: Sendable {
    private let names: [(name: KnownName, words: [String])]

    private static let countryWords: Set<String> = ["us", "usa", "america", "of", "north", "california"]
    private static let siteWords: Set<String> = [
        "facility", "facilities", "campus", "site", "office", "offices", "headquarters", "hq", "location",
        "building", "bldg", "buildings", "premises", "cafe", "cafes", "data", "center", "centre", "hotel",
        "store", "plant", "warehouse", "restaurant", "kitchen", "kitchens", "dining", "hvac", "janitorial", "security",
    ]

    /// A matcher for names given as plain text (each taken as the company's current name, undated).
    public init(names: [String]) {
        self.init(names: names.map { KnownName($0, basis: .current, provenance: "given") })
    }

    /// A matcher for a company's known names; tickers are left out, since in a notice they are just words.
    public init(names: [KnownName]) {
        self.names = names.filter { $0.basis != .ticker }.map { ($0, CompanyName.words($0.name)) }.filter { !$0.words.isEmpty }
    }

    /// Classifies a notice's company name; `date` (ISO) is the notice's date, when known.
    public func match(_ company: String, on date: String? = nil) -> NoticeMatch {
        let active = names.filter { $0.name.holds(on: date) }
        let text = WarnText.clean(company)
        // Equality first, so a name that itself contains " at " or " for " is not split.
        let whole = CompanyName.words(text)
        if let entry = active.first(where: { $0.words == whole }) { return .match(entry.name) }
        let (employer, host) = Self.splitContractor(text)
        let parts = Self.splitDBA(employer)
        if let legal = parts.first, let name = Self.first(in: active, matching: CompanyName.words(legal), relaxed: false) {
            return .match(name)
        }
        // "X dba Meta": X's employees, working under the company's name.
        for alias in parts.dropFirst() {
            if let name = Self.first(in: active, matching: CompanyName.words(alias), relaxed: true) { return .contractorAt(name) }
        }
        if let host {
            var words = CompanyName.words(host)
            while words.count > 1, let last = words.last, Self.siteWords.contains(last) { words.removeLast() }
            words = CompanyName.words(words.joined(separator: " "))
            if let name = Self.first(in: active, matching: words, relaxed: true) { return .contractorAt(name) }
        } else if let hyphen = text.range(of: #"[A-Za-z.]-[A-Za-z][^-]*$"#, options: .regularExpression) {
            let tail = String(text[hyphen].dropFirst(2))
            let words = CompanyName.words(tail)
            if let entry = active.first(where: { $0.words == words }) { return .contractorAt(entry.name) }
        }
        return .none
    }

    private static func first(in names: [(name: KnownName, words: [String])], matching words: [String], relaxed: Bool) -> KnownName? {
        guard !words.isEmpty else { return nil }
        for entry in names {
            let watched = entry.words
            if words == watched { return entry.name }
            // A brand is words many others use too ("Meta Materials"): never found inside an employer's name.
            let inside = entry.name.basis != .brand || relaxed
            if inside, watched.count >= 2, CompanyName.containsWords(words, watched) { return entry.name }
            if watched.count == 1, words.first == watched[0] {
                let rest = words.dropFirst()
                if rest.allSatisfy({ countryWords.contains($0) }) { return entry.name }
                if relaxed, rest.allSatisfy({ $0.count <= 3 || $0.contains(where: \.isNumber) || siteWords.contains($0) }) {
                    return entry.name
                }
            }
        }
        return nil
    }

    /// The employer and, after " at ", " @ ", " c/o " or " for ", the host site.
    static func splitContractor(_ text: String) -> (employer: String, host: String?) {
        guard let marker = text.range(of: #"\s+at\s+|\s*@\s*|\s+c/o\s+|\s+for\s+"#, options: [.regularExpression, .caseInsensitive]) else {
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
