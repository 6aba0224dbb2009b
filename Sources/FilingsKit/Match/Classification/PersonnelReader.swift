import FilingsModel
import Foundation

/// Reads departures, appointments and pay decisions from an Item 5.02 (or legacy Item 5/6) section.
struct PersonnelReader {
    /// Compiled once, as `WorkforceReader.shared` is, and for the same reasons.
    static let shared = PersonnelReader()

    let departureRules: [(ClassificationPhrases.Rule, NSRegularExpression)]
    let appointmentRules: [(ClassificationPhrases.Rule, NSRegularExpression)]
    let compensationRules: [(ClassificationPhrases.Rule, NSRegularExpression)]
    let roles: [(NSRegularExpression, String, String)]
    let conditional: NSRegularExpression?
    let biography: NSRegularExpression?
    let organizationAfter: NSRegularExpression?
    let retirementPlanWords: NSRegularExpression?
    let committeeOnly: NSRegularExpression?
    let passive: NSRegularExpression?
    let name: NSRegularExpression?
    let honorific: NSRegularExpression?
    let listSeparator: NSRegularExpression?
    let interimWords: NSRegularExpression?
    let leadingPronoun: NSRegularExpression?
    let attachedToName: NSRegularExpression?
    let unnamedSuccessor: NSRegularExpression?
    let otherEmployer: NSRegularExpression?
    let ownName: NSRegularExpression?

    init() {
        func compile(_ rules: [ClassificationPhrases.Rule]) -> [(ClassificationPhrases.Rule, NSRegularExpression)] {
            rules.compactMap { rule in SentenceText.regex(rule.pattern).map { (rule, $0) } }
        }
        departureRules = compile(ClassificationPhrases.departures)
        appointmentRules = compile(ClassificationPhrases.appointments)
        compensationRules = compile(ClassificationPhrases.compensation)
        roles = ClassificationPhrases.roles.compactMap { entry in
            // Titles are capitalized in filings; "director" is matched in any case.
            SentenceText.regex(entry.pattern, caseSensitive: entry.short != "director").map { ($0, entry.short, entry.title) }
        }
        conditional = SentenceText.regex(ClassificationPhrases.conditional)
        biography = SentenceText.regex(ClassificationPhrases.biography)
        organizationAfter = SentenceText.regex(#"^,? (Inc\b|Corp\b|Corp\.|Corporation|Company|LLC|L\.P|Ltd|plc|Co\.|Holdings|Group|\(the “?\"?Company)"#, caseSensitive: true)
        retirementPlanWords = SentenceText.regex(ClassificationPhrases.retirementPlanWords)
        committeeOnly = SentenceText.regex(#"\b(appointed|named|elected)\b (him|her|them )?(to serve )?(as (a )?(member|chair|chairman|chairperson) of|to|on) the [A-Za-z&,\- ]{0,60}Committee"#)
        passive = SentenceText.regex(#"\b(was|were|has been|have been|had been|is being|will be|to be|been|is|be)\s+$"#)
        let word = #"(?:O['’])?[A-Z][a-z]*[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?"#
        name = SentenceText.regex(
            #"\b(?:\#(word)|[A-Z]\.)(?:\s+(?:(?:de|van|von|del|da|di|le|La|De|Van)\s+)?(?:\#(word)|[A-Z]\.)){1,3}(?:,?\s+(?:Jr\.|Sr\.|III|II|IV))?"#,
            caseSensitive: true)
        listSeparator = SentenceText.regex(#"^\s*(,\s*(age\s+)?\d{1,3}\s*)?,?\s*(and\s+)?$"#)
        honorific = SentenceText.regex(#"\b(?:Mr|Ms|Mrs|Dr|Messrs)\.\s+([A-Z][A-Za-z\-]+)"#, caseSensitive: true)
        interimWords = SentenceText.regex(#"\b(interim|acting)\b"#)
        leadingPronoun = SentenceText.regex(
            #"^(?:(?:In addition|Additionally|Also|Further|Thereafter|At that time|Following that|Subsequently),?\s+)?(?:He|She)\b"#,
            caseSensitive: true)
        // "John Doe resigned", "John Doe, who will retire", "John Doe's retirement": the phrase is the named person's.
        attachedToName = SentenceText.regex(#"^(\s*|\s*,\s*(who|whose)\b[^,]{0,60}|['’]s?\s*|\s*(has|had|will|would|also|then)\s*)$"#)
        unnamedSuccessor = SentenceText.regex(
            #"\b(a|his|her|their|the|its|any) (permanent |new |qualified )?(successor|replacement)s? (is|are|has been|have been|will be|be|been|was|can be)\s+$"#)
        let organization = #"(?:Inc\.?|Corporation|Corp\.?|LLC|L\.P\.|Ltd\.?|plc|Company|Co\.|Holdings|Group|Partners|Bank|University|N\.A\.)"#
        otherEmployer = SentenceText.regex(
            #"\b(?:of|from|at|with|joining|joined|join|left)\s+(?!the Company\b)((?:(?-i:[A-Z][A-Za-z&.\-'’]*),?\s+){1,5}\#(organization))(?![A-Za-z])"#)
        // "Tyson Foods, Inc. (the “Company”)": the filer's own name, defined as the Company.
        ownName = SentenceText.regex(
            #"((?:(?-i:[A-Z][A-Za-z&.\-'’]*),?\s+){1,5}\#(organization))\s*\((?:the\s+)?[“"]"#)
    }

    /// The events of one section's text.
    func read(_ text: String, source: String, allowCompensation: Bool) -> [ClassifiedEvent] {
        let sentences = SentenceText.sentences(removingItemTitles(text))
        let fullNames = personNames(in: sentences.joined(separator: " "))
        var events: [ClassifiedEvent] = []
        var verbs: [String] = []
        var lastPerson: String?
        var compensationQuote: (sentence: String, person: String?)?
        // Departures worded about another company ("a position she resigned to join the Company") are a new officer's
        // past: kept only when the section appoints nobody by that name.
        var otherEmployerDepartures: [(found: Found, sentence: String)] = []
        let ownNames = Set(sentences.flatMap { organizations(ownName, in: $0) })
        for sentence in sentences {
            let mentioned = people(in: sentence, fullNames: fullNames)
            // "He will remain ... through his retirement": the subject is the person of the sentence before.
            let pronounSubject = matches(leadingPronoun, sentence)
            let isConditional = matches(conditional, sentence)
            let isBiography = matches(biography, sentence) && !sentence.localizedCaseInsensitiveContains("effective")
            if !isConditional, !isBiography, !isSubheading(sentence) {
                // Same length as `sentence`, so positions found in it are positions in `sentence`.
                let planFree = neutralizing(retirementPlanWords, in: sentence)
                let elsewhere = !Set(organizations(otherEmployer, in: sentence)).subtracting(ownNames).isEmpty
                for found in detect(departureRules, in: planFree, people: mentioned, lastPerson: lastPerson, pronounSubject: pronounSubject) {
                    if elsewhere, found.person != nil {
                        otherEmployerDepartures.append((found, sentence))
                    } else {
                        add(found, sentence: sentence, source: source, to: &events, verbs: &verbs)
                    }
                }
                if !matches(committeeOnly, sentence) || sentence.range(of: "director", options: .caseInsensitive) != nil {
                    for found in detect(appointmentRules, in: sentence, people: mentioned, lastPerson: lastPerson, pronounSubject: pronounSubject)
                    where !sentence.lowercased().contains("re-elect") {
                        add(found, sentence: sentence, source: source, to: &events, verbs: &verbs)
                    }
                }
            }
            if compensationQuote == nil, allowCompensation,
                compensationRules.contains(where: { matches($0.1, sentence) })
            {
                compensationQuote = (sentence, mentioned.first?.name)
            }
            if !pronounSubject, let person = mentioned.first?.name { lastPerson = person }
        }
        let appointees = Set(events.filter { $0.kind == .appointment }.compactMap(\.person))
        for (found, sentence) in otherEmployerDepartures where !appointees.contains(found.person ?? "") {
            add(found, sentence: sentence, source: source, to: &events, verbs: &verbs)
        }
        if events.isEmpty, let compensationQuote {
            let role = roleNear(compensationQuote.sentence, after: compensationQuote.sentence.startIndex)
            let subject = [compensationQuote.person, role?.title].compactMap { $0 }.joined(separator: ", ")
            let quote = SentenceText.quote(compensationQuote.sentence, around: nil)
            events.append(
                ClassifiedEvent(
                    kind: .compensation, source: source, person: compensationQuote.person, role: role?.short,
                    quote: quote,
                    summary: subject.isEmpty ? "Compensation arrangement approved (no departure or appointment)"
                        : "Compensation arrangement for \(subject) (no departure or appointment)",
                    people: compensationQuote.person.map { [PersonChange(name: $0, role: role?.title, change: .compensation, quote: quote)] } ?? []))
        }
        return SuccessionLinker.link(events, sentences: sentences)
    }

    /// A sub-heading such as "Retirement of Current Chief Executive Officer": it names a topic, not an event.
    func isSubheading(_ sentence: String) -> Bool {
        guard let last = sentence.last, !".;:!?\"”)".contains(last) else { return false }
        let words = sentence.split(separator: " ")
        guard words.count <= 12 else { return false }
        let capitalized = words.filter { $0.first?.isUppercase == true }.count
        return capitalized * 2 >= words.count
    }

    /// A detected departure or appointment in one sentence.
    struct Found {
        var rule: ClassificationPhrases.Rule
        var person: String?
        var role: (short: String, title: String)?
        var focus: Range<String.Index>
        var date: String?
        /// Why a departing person leaves, from the words of the phrase or its sentence.
        var reason: PersonChange.Reason?
        /// An appointment "on an interim basis", "as Acting CFO".
        var interim = false
    }

    func detect(
        _ rules: [(ClassificationPhrases.Rule, NSRegularExpression)], in sentence: String,
        people original: [(name: String, range: Range<String.Index>)], lastPerson: String?, pronounSubject: Bool = false
    ) -> [Found] {
        var found: [Found] = []
        let people: [(name: String, range: Range<String.Index>)] = original.map { (name: $0.name, range: relocated($0.range, in: sentence)) }
        for (rule, regex) in rules {
            for range in SentenceText.matches(regex, in: sentence) {
                let prefix = String(sentence[..<range.lowerBound])
                var side = rule.side
                if side == .after, matches(passive, prefix) { side = .before }
                // "until a successor is appointed": an office to fill, nobody named yet.
                if rule.kind == .appointment, side == .before, matches(unnamedSuccessor, prefix) { continue }
                var persons = listedPeople(people, in: sentence, near: range, side: side).map(Optional.some)
                if pronounSubject, side == .before, lastPerson != nil, !isAttachedToName(people, in: sentence, before: range) {
                    // "She will assist John Roe through her retirement": John Roe stands nearer, but "she" retires.
                    persons = [lastPerson]
                }
                // "His retirement will be effective ..." continues the previous sentence; an appointment names its person.
                if persons.isEmpty { persons = [people.isEmpty && rule.kind == .departure ? lastPerson : nil] }
                for person in persons where !found.contains(where: { $0.person == person && person != nil }) {
                    // "elected John Doe, the Lead Director, as Executive Chairman": the new office follows "as".
                    let asOffice = sentence.range(of: " as ", range: range.upperBound..<sentence.endIndex)?.upperBound
                    let roleStart = rule.kind == .appointment ? (asOffice ?? range.upperBound)
                        : (people.first(where: { $0.name == person })?.range.upperBound ?? sentence.startIndex)
                    let role = roleNear(sentence, after: roleStart) ?? roleNear(sentence, after: sentence.startIndex)
                    // A departure may name only the office ("our CFO resigned"); an appointment without a name is a plan.
                    guard person != nil || (role != nil && rule.kind == .departure) else { continue }
                    let reason = rule.kind == .departure ? PersonChange.Reason.read(String(sentence[range])) ?? PersonChange.Reason.read(sentence) : nil
                    // "following his appointment at Union Pacific effective August 14, V. James Vena was resigning, effective
                    // July 26, from the Board": the date that follows the phrase is the phrase's, and so is "interim".
                    let following = String(sentence[range.lowerBound..<(sentence.index(range.upperBound, offsetBy: 150, limitedBy: sentence.endIndex) ?? sentence.endIndex)])
                    let interim = rule.kind == .appointment && matches(interimWords, following)
                    let date = SentenceText.effectiveDate(in: following) ?? SentenceText.effectiveDate(in: sentence)
                    found.append(Found(rule: rule, person: person, role: role, focus: range, date: date, reason: reason, interim: interim))
                }
            }
        }
        return found
    }

    /// The organization names (first capture group) `regex` finds in `sentence`, as comparable keys.
    func organizations(_ regex: NSRegularExpression?, in sentence: String) -> [String] {
        guard let regex else { return [] }
        return regex.matches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)).compactMap { match in
            Range(match.range(at: 1), in: sentence).map { String(sentence[$0]).lowercased().filter { $0.isLetter || $0.isNumber } }
        }
    }

    /// True when a name stands right before `focus` as its subject ("John Roe resigned", "John Roe, who will retire").
    func isAttachedToName(_ people: [(name: String, range: Range<String.Index>)], in sentence: String, before focus: Range<String.Index>) -> Bool {
        guard let last = people.last(where: { $0.range.upperBound <= focus.lowerBound }) else { return false }
        return matches(attachedToName, String(sentence[last.range.upperBound..<focus.lowerBound]))
    }

    /// The person nearest the phrase, with everyone listed together with them ("A, B and C were appointed").
    func listedPeople(
        _ people: [(name: String, range: Range<String.Index>)], in sentence: String, near focus: Range<String.Index>,
        side: ClassificationPhrases.PersonSide
    ) -> [String] {
        guard let anchor = nearest(people, to: focus, side: side),
            let index = people.firstIndex(where: { $0.range == anchor.range })
        else { return [] }
        var names = [anchor.name]
        let isBefore = anchor.range.upperBound <= focus.lowerBound
        var current = index
        while true {
            let next = isBefore ? current - 1 : current + 1
            guard people.indices.contains(next) else { break }
            let gap = isBefore
                ? sentence[people[next].range.upperBound..<people[current].range.lowerBound]
                : sentence[people[current].range.upperBound..<people[next].range.lowerBound]
            guard matches(listSeparator, String(gap)) else { break }
            names.append(people[next].name)
            current = next
        }
        return names
    }

    /// Adds a finding, merging it into an earlier event about the same person and kind.
    func add(_ found: Found, sentence: String, source: String, to events: inout [ClassifiedEvent], verbs: inout [String]) {
        let key = found.person ?? found.role?.short
        if let index = events.firstIndex(where: { $0.kind == found.rule.kind && ($0.person ?? $0.role) == key }) {
            if !events[index].people.isEmpty {
                events[index].people[0].reason = events[index].people[0].reason ?? found.reason
                events[index].people[0].interim = events[index].people[0].interim || found.interim
                events[index].people[0].role = events[index].people[0].role ?? found.role?.title
                events[index].people[0].effective = events[index].people[0].effective ?? found.date
            }
            guard events[index].role == nil || events[index].effectiveDate == nil else { return }
            let verb = verbs[index]
            if events[index].role == nil { events[index].role = found.role?.short }
            if events[index].effectiveDate == nil { events[index].effectiveDate = found.date }
            events[index].summary = summary(events[index], verb: verb, roleTitle: title(of: events[index].role))
            return
        }
        var event = ClassifiedEvent(
            kind: found.rule.kind, source: source, person: found.person, role: found.role?.short,
            effectiveDate: found.date, quote: SentenceText.quote(sentence, around: relocated(found.focus, in: sentence)),
            summary: "")
        event.summary = summary(event, verb: found.rule.verb, roleTitle: found.role?.title)
        if let person = found.person {
            event.people = [
                PersonChange(
                    name: person, role: found.role?.title,
                    change: found.rule.kind == .departure ? .departure : .appointment, effective: found.date,
                    interim: found.interim, reason: found.reason, quote: event.quote)
            ]
        }
        events.append(event)
        verbs.append(found.rule.verb)
    }

    /// "CFO and Secretary" -> "Chief Financial Officer and Secretary".
    func title(of role: String?) -> String? {
        guard let role else { return nil }
        return role.components(separatedBy: " and ").map { part in
            ClassificationPhrases.roles.first { $0.short == part && !$0.title.isEmpty }?.title ?? part
        }.joined(separator: " and ")
    }

    func summary(_ event: ClassifiedEvent, verb: String, roleTitle: String?) -> String {
        let who = event.person ?? "The \(roleTitle ?? event.role ?? "officer")"
        var line = who
        switch event.kind {
        case .departure:
            line += " \(verb)"
            if let roleTitle, !roleTitle.isEmpty, event.person != nil { line += " as \(roleTitle)" }
        default:
            line += " \(verb)"
            if let roleTitle, !roleTitle.isEmpty, event.person != nil { line += " \(roleTitle)" }
        }
        if let date = event.effectiveDate { line += ", effective \(date)" }
        return line
    }

    /// The office named nearest after `start` in `sentence`; "President and Chief Executive Officer" is kept whole.
    func roleNear(_ sentence: String, after start: String.Index) -> (short: String, title: String)? {
        var hits: [(range: Range<String.Index>, short: String, title: String)] = []
        for (regex, short, title) in roles {
            for range in SentenceText.matches(regex, in: sentence) where range.lowerBound >= start {
                if hits.contains(where: { $0.range.overlaps(range) }) { continue }
                hits.append((range, short, title.isEmpty ? String(sentence[range]) : title))
            }
        }
        hits.sort { $0.range.lowerBound < $1.range.lowerBound }
        guard let first = hits.first else { return nil }
        if hits.count > 1 {
            let between = sentence[first.range.upperBound..<hits[1].range.lowerBound]
            if between == " and " || between == ", " || between == " & " {
                return ("\(first.short) and \(hits[1].short)", "\(first.title) and \(hits[1].title)")
            }
        }
        return (first.short, first.title)
    }

    /// Full names in the section ("Jane A. Doe"), used to expand "Ms. Doe".
    func personNames(in text: String) -> [String] {
        SentenceText.matches(name, in: text).map { String(text[$0]) }.compactMap(cleanName)
    }

    /// The people mentioned in a sentence with their positions, honorific forms resolved to full names.
    func people(in sentence: String, fullNames: [String]) -> [(name: String, range: Range<String.Index>)] {
        var result: [(name: String, range: Range<String.Index>)] = []
        for range in SentenceText.matches(name, in: sentence) {
            // "Nuance Communications, Inc." is the company, not a person.
            let following = String(sentence[range.upperBound...].prefix(20))
            if matches(organizationAfter, following) { continue }
            if let cleaned = cleanName(String(sentence[range])) { result.append((cleaned, range)) }
        }
        if let honorific {
            for match in honorific.matches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence)) {
                guard let whole = Range(match.range, in: sentence), let surname = Range(match.range(at: 1), in: sentence),
                    !result.contains(where: { $0.range.overlaps(whole) })
                else { continue }
                let last = String(sentence[surname])
                let full = fullNames.first { self.surname(of: $0) == last } ?? last
                result.append((full, whole))
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The family name of a full name: "Earl H. Devanny III" -> "Devanny".
    func surname(of fullName: String) -> String? {
        let words = fullName.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
        return words.last { !["Jr", "Sr", "II", "III", "IV"].contains($0) }
    }

    /// A candidate name without leading non-name words, or nil when nothing person-like remains.
    func cleanName(_ candidate: String) -> String? {
        var words = candidate.split(separator: " ").map(String.init)
        func isNameWord(_ word: String) -> Bool {
            !ClassificationPhrases.notNameWords.contains(word.trimmingCharacters(in: .punctuationCharacters))
        }
        let organization = words.contains {
            ClassificationPhrases.organizationWords.contains($0.trimmingCharacters(in: .punctuationCharacters))
        }
        guard !organization else { return nil }
        while let first = words.first, !isNameWord(first) { words.removeFirst() }
        // "Christine M. McCarthy Senior Executive Vice President": the name ends where titles begin.
        if let stop = words.firstIndex(where: { !isNameWord($0) }) { words = Array(words[..<stop]) }
        while let last = words.last, last.count == 2, last.hasSuffix(".") { words.removeLast() }
        guard words.count >= 2, words.count <= 5, words.filter({ $0.count > 2 }).count >= 1 else { return nil }
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ","))
    }

    func nearest(
        _ people: [(name: String, range: Range<String.Index>)], to focus: Range<String.Index>, side: ClassificationPhrases.PersonSide
    ) -> (name: String, range: Range<String.Index>)? {
        let before = people.last { $0.range.upperBound <= focus.lowerBound }
        let after = people.first { $0.range.lowerBound >= focus.upperBound }
        switch side {
        case .before: return before ?? after
        case .after: return after ?? before
        }
    }

    /// The section text with the 5.02 title (whose words "Departure", "Appointment" would trigger rules) removed.
    func removingItemTitles(_ text: String) -> String {
        var result = text
        for code in ["5.02", "legacy-6"] {
            for title in EightKItems.titles(of: code) {
                result = result.replacingOccurrences(of: title, with: " ", options: .caseInsensitive)
            }
        }
        return result.replacingOccurrences(
            of: #"Departure of Directors or (Certain|Principal) Officers[^.\n]{0,160}"#, with: " ",
            options: [.regularExpression, .caseInsensitive])
    }

    func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with "retire" inside each match spelled "xetire", so the departure rules skip it; the length is unchanged.
    func neutralizing(_ regex: NSRegularExpression?, in text: String) -> String {
        guard let regex else { return text }
        var result = text
        for range in SentenceText.matches(regex, in: text).reversed() {
            let replaced = text[range].replacingOccurrences(of: "retire", with: "xetire", options: .caseInsensitive)
            let start = result.index(result.startIndex, offsetBy: text.distance(from: text.startIndex, to: range.lowerBound))
            let end = result.index(start, offsetBy: text[range].count)
            result.replaceSubrange(start..<end, with: replaced)
        }
        return result
    }

    /// The same character positions as `range` (taken from an equal-length copy), valid in `text`.
    func relocated(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        let utf16 = text.utf16
        let lower = min(range.lowerBound.utf16Offset(in: text), utf16.count)
        let upper = min(range.upperBound.utf16Offset(in: text), utf16.count)
        let start = String.Index(utf16Offset: lower, in: text)
        return start..<String.Index(utf16Offset: max(lower, upper), in: text)
    }
}
