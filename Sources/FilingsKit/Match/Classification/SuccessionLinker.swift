import FilingsModel
import Foundation

/// Links the people of one 5.02 section's events to each other: who succeeds whom, who only changes office,
/// and the "not the result of any disagreement" a filing gives for a departure without another reason.
enum SuccessionLinker {
    static let noDisagreement = SentenceText.regex(
        #"\bnot (the )?(a )?(result|because) of any disagreements?\b|\bnot due to any disagreements?\b|\bdid not (result|arise) from any disagreements?\b|\bno disagreements?\b"#)
    static let succeeds = SentenceText.regex(#"\b(succeed|succeeds|succeeding|successor to|replace|replaces|replacing)\b"#)

    /// `events` with each person's successor, role change and stated reason filled in.
    static func link(_ events: [ClassifiedEvent], sentences: [String]) -> [ClassifiedEvent] {
        var result = events
        let statesNoDisagreement = sentences.contains { SentenceText.firstMatch(noDisagreement, in: $0) != nil }
        let appointed = events.filter { $0.kind == .appointment }.flatMap(\.people)
        let departing = Set(events.filter { $0.kind == .departure }.flatMap(\.people).map(\.name))
        for index in result.indices {
            for personIndex in result[index].people.indices {
                var person = result[index].people[personIndex]
                switch person.change {
                case .departure:
                    if statesNoDisagreement, person.reason == nil { person.reason = .noDisagreement }
                    // Only directors stand for re-election.
                    if person.reason == .notStandingForReelection, person.role == nil { person.role = "director" }
                    // Leaving one office for another one the same filing gives is a change of role, not a departure.
                    if appointed.contains(where: { $0.name == person.name }) { person.change = .roleChange }
                    if let successor = successor(of: person, among: appointed) ?? successor(of: person, among: appointed, in: sentences) {
                        person.successor = successor.name
                        person.interim = successor.interim
                    }
                case .appointment:
                    if departing.contains(person.name) { person.change = .roleChange }
                case .compensation, .roleChange:
                    break
                }
                result[index].people[personIndex] = person
            }
        }
        return result
    }

    /// The person appointed to `departing`'s office, or whose appointment says they succeed them by name.
    static func successor(of departing: PersonChange, among appointed: [PersonChange]) -> PersonChange? {
        let others = appointed.filter { $0.name != departing.name }
        if let family = surname(departing.name),
            let named = others.first(where: { $0.quote.contains(family) && SentenceText.firstMatch(succeeds, in: $0.quote) != nil })
        {
            return named
        }
        // "Ms. Whitfield succeeds Robert L. Ames, who will retire": the departure's own sentence names the successor.
        if SentenceText.firstMatch(succeeds, in: departing.quote) != nil,
            let named = others.first(where: { other in
                Self.surname(other.name).map { departing.quote.contains($0) } ?? false
            })
        {
            return named
        }
        guard let offices = departing.role.map(officeParts), !offices.isEmpty else { return nil }
        // A new director does not succeed a departing director by office alone: boards change several seats at once.
        return others.first { other in
            guard let theirs = other.role.map(officeParts) else { return false }
            return !theirs.intersection(offices).subtracting(["director"]).isEmpty
        }
    }

    /// The appointee a sentence of its own says succeeds `departing`: "Ms. Travis will be succeeding Richard W. Kunes as ...".
    static func successor(of departing: PersonChange, among appointed: [PersonChange], in sentences: [String]) -> PersonChange? {
        guard let family = surname(departing.name) else { return nil }
        for sentence in sentences {
            guard let verb = SentenceText.firstMatch(succeeds, in: sentence),
                sentence[verb.upperBound...].contains(family)
            else { continue }
            let before = sentence[..<verb.lowerBound]
            if let named = appointed.first(where: { $0.name != departing.name && surname($0.name).map(before.contains) == true }) {
                return named
            }
        }
        return nil
    }

    /// The family name of a full name: "Earl H. Devanny III" -> "Devanny".
    static func surname(_ name: String) -> String? {
        name.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            .last { !["Jr.", "Sr.", "II", "III", "IV"].contains($0) }
    }

    /// "President and Chief Executive Officer" -> ["president", "chief executive officer"].
    static func officeParts(_ role: String) -> Set<String> {
        Set(role.lowercased().components(separatedBy: " and ").map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
