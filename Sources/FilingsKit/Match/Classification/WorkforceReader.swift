import Foundation

/// Reads workforce reductions, closures and exit plans from Items 2.05, 7.01, 8.01 and press releases.
struct WorkforceReader {
    /// Compiled once: the phrases are fixed, and corelibs Foundation does not free all of an `NSRegularExpression`'s
    /// memory, so a reader made per filing grew a long-running `follow` by about 6 KiB a filing read.
    static let shared = WorkforceReader()

    let layoffs: [NSRegularExpression]
    let closures: [NSRegularExpression]
    let restructurings: [NSRegularExpression]
    let negatives: NSRegularExpression?
    let headcount: NSRegularExpression?
    let totalBefore: NSRegularExpression?
    let percentage: NSRegularExpression?
    let range: NSRegularExpression?
    let fractions: [(NSRegularExpression, Double)]

    init() {
        layoffs = ClassificationPhrases.layoffs.compactMap { SentenceText.regex($0) }
        closures = ClassificationPhrases.closures.compactMap { SentenceText.regex($0) }
        restructurings = ClassificationPhrases.restructurings.compactMap { SentenceText.regex($0) }
        negatives = SentenceText.regex(ClassificationPhrases.layoffNegatives)
        headcount = SentenceText.regex(
            #"\b(approximately|about|roughly|nearly|around|up to|an estimated|some|over|more than|almost|a total of|~)?\s*(?<![$\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:thousand|million))?)\s+(?:(?-i:[a-z][a-z\-]*|[A-Z][a-z]+|U\.S\.)\s+){0,4}?(employees|positions|jobs|roles|people|workers|team members|associates|staff members|colleagues|full-time equivalents?|FTEs)\b"#)
        range = SentenceText.regex(#"(\d{1,3}(?:,\d{3})+|\d+)\s*(?:-|–|to)\s*$"#)
        totalBefore = SentenceText.regex(
            #"(\b(of|out of) (its|our|the company's|their|a total workforce of|a workforce of)\s+(total\s+|global\s+|current\s+|worldwide\s+)?(workforce of\s+)?|(?<!reduction in )(?<!reduction in the )\bworkforce of\s+|\b(employs|employed|employing|has|had|have|with)\s+)(approximately|about|roughly|nearly|over|more than|some)?\s*$"#)
        percentage = SentenceText.regex(#"(\d+(?:\.\d+)?)\s*(%|percent\b|per cent\b)"#)
        fractions = ClassificationPhrases.fractions.compactMap { entry in SentenceText.regex(#"\b(?:"# + entry.pattern + ")").map { ($0, entry.percent) } }
    }

    /// The one workforce event of some texts (items first, then exhibits), or nil when none says so.
    /// With `isExitItem` (Item 2.05) an exit plan without workforce words still yields a restructuring event.
    func read(_ texts: [(source: String, text: String)], isExitItem: Bool) -> ClassifiedEvent? {
        var best: (event: ClassifiedEvent, score: Int)?
        var closure: ClassifiedEvent?
        var restructuring: ClassifiedEvent?
        for (source, text) in texts {
            for sentence in SentenceText.sentences(text) {
                guard !matches(negatives, sentence) else { continue }
                if let hit = firstMatch(layoffs, in: sentence) {
                    let employees = headcount(in: sentence)
                    let percent = percentage(in: sentence)
                    let score = (employees != nil ? 2 : 0) + (percent != nil ? 1 : 0)
                    if best == nil || score > (best?.score ?? 0) {
                        let event = ClassifiedEvent(
                            kind: .layoff, source: source, employees: employees, percentage: percent,
                            quote: SentenceText.quote(sentence, around: hit), summary: layoffSummary(employees, percent, sentence))
                        best = (event, score)
                    }
                } else if closure == nil, let hit = firstMatch(closures, in: sentence) {
                    closure = ClassifiedEvent(
                        kind: .closure, source: source, employees: headcount(in: sentence),
                        quote: SentenceText.quote(sentence, around: hit),
                        summary: "Closure: " + SentenceText.collapseSpaces(String(sentence[hit])))
                } else if isExitItem, restructuring == nil, let hit = firstMatch(restructurings, in: sentence) {
                    restructuring = ClassifiedEvent(
                        kind: .restructuring, source: source, quote: SentenceText.quote(sentence, around: hit),
                        summary: "Exit or disposal plan (Item 2.05), no workforce figure stated")
                }
            }
        }
        return best?.event ?? closure ?? restructuring
    }

    func layoffSummary(_ employees: Int?, _ percent: Double?, _ sentence: String) -> String {
        let hedged = sentence.range(of: #"\b(approximately|approximate|about|roughly|nearly|around|an estimated|some)\b"#, options: [.regularExpression, .caseInsensitive]) != nil
        let upTo = sentence.range(of: "up to", options: .caseInsensitive) != nil
        let qualifier = upTo ? "up to " : hedged ? "about " : ""
        let percentText = percent.map { $0 == $0.rounded() ? "\(Int($0))%" : "\($0)%" }
        switch (employees, percentText) {
        case let (count?, pct?): return "Workforce reduction of \(qualifier)\(grouped(count)) employees (\(pct))"
        case let (count?, nil): return "Workforce reduction of \(qualifier)\(grouped(count)) employees"
        case let (nil, pct?): return "Workforce reduction of \(qualifier)\(pct) of employees"
        case (nil, nil): return "Workforce reduction announced (no number stated)"
        }
    }

    /// 10000 -> "10,000".
    func grouped(_ value: Int) -> String {
        var digits = String(value)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }

    /// The number of people affected in `sentence`, skipping a company's total headcount ("of its 80,000 employees").
    func headcount(in sentence: String) -> Int? {
        guard let headcount else { return nil }
        for match in headcount.matches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)) {
            guard let whole = Range(match.range, in: sentence), let numberRange = Range(match.range(at: 2), in: sentence) else { continue }
            let before = String(sentence[..<whole.lowerBound]) + (Range(match.range(at: 1), in: sentence).map { String(sentence[$0]) } ?? "")
            if matches(totalBefore, before) { continue }
            // "4,000 - 6,000 employees": the lower bound is the figure the filing commits to.
            let prefix = String(sentence[..<numberRange.lowerBound])
            if let lower = SentenceText.firstCapture(range, in: prefix).flatMap(number), lower > 0 { return lower }
            if let value = number(String(sentence[numberRange])), value > 0, value < 2_000_000 { return value }
        }
        return nil
    }

    func number(_ text: String) -> Int? {
        let lower = text.lowercased()
        var multiplier = 1.0
        if lower.contains("thousand") { multiplier = 1_000 }
        if lower.contains("million") { multiplier = 1_000_000 }
        let digits = lower.filter { $0.isNumber || $0 == "." }
        guard let value = Double(digits) else { return nil }
        return Int((value * multiplier).rounded())
    }

    /// A percentage of the workforce stated in `sentence`, in figures ("10%") or as a fraction ("one-third").
    func percentage(in sentence: String) -> Double? {
        guard let percentage else { return nil }
        for match in percentage.matches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)) {
            guard let whole = Range(match.range, in: sentence), let value = Range(match.range(at: 1), in: sentence) else { continue }
            if isAboutPeople(sentence, around: whole), let percent = Double(sentence[value]), percent > 0, percent <= 100 { return percent }
        }
        for (regex, percent) in fractions {
            for range in SentenceText.matches(regex, in: sentence) where isAboutPeople(sentence, around: range) {
                return percent
            }
        }
        return nil
    }

    /// True when workforce words stand within 60 characters of `range`.
    func isAboutPeople(_ sentence: String, around range: Range<String.Index>) -> Bool {
        let window = sentence[range.upperBound...].prefix(60).lowercased() + " " + sentence[..<range.lowerBound].suffix(60).lowercased()
        return ["workforce", "work force", "headcount", "employees", "staff", "positions", "jobs", "roles"].contains { window.contains($0) }
    }

    func firstMatch(_ regexes: [NSRegularExpression], in text: String) -> Range<String.Index>? {
        for regex in regexes {
            if let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), let range = Range(match.range, in: text) {
                return range
            }
        }
        return nil
    }

    func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
