import Foundation

/// Classifies an 8-K into events from its item codes, its item sections and its press-release exhibits.
///
/// Rules (the phrases live in `ClassificationPhrases`):
/// - Item 5.02 (and legacy Items 5 and 6): departures and appointments per person; a 5.02 with
///   pay wording and nobody leaving or arriving is one compensation event, never a departure.
/// - Items 2.05, 7.01, 8.01 (legacy 5 and 9) and EX-99 texts: at most one workforce event —
///   a layoff (with headcount and percentage when stated), else a closure, else (2.05 only) a
///   restructuring. An 8.01 without such words yields nothing.
public enum FilingClassifier {
    /// Items read for officer and director changes.
    static let personnelItems: Set<String> = ["5.02", "legacy-5", "legacy-6"]
    /// Items read for workforce reductions.
    static let workforceItems: Set<String> = ["2.05", "7.01", "8.01", "legacy-5", "legacy-9"]

    /// The events one read 8-K speaks of, from its item codes, item sections and press-release exhibits.
    public static func classify(_ text: FilingText) -> [ClassifiedEvent] {
        classify(itemCodes: text.itemCodes, sections: text.sections, exhibits: text.exhibits)
    }

    /// The events of one filing. `exhibits` are the plain texts of its EX-99 documents.
    public static func classify(itemCodes: [String], sections: [ItemSection], exhibits: [String]) -> [ClassifiedEvent] {
        let codes = Set(itemCodes).union(sections.map(\.code))
        var events: [ClassifiedEvent] = []
        for section in sections where personnelItems.contains(section.code) {
            let found = PersonnelReader.shared.read(section.text, source: section.code, allowCompensation: section.code == "5.02")
            // Legacy Item 5 "Other Events" covers anything; only officer changes are taken from it here.
            events.append(contentsOf: section.code == "legacy-5" ? found.filter { $0.kind != .compensation } : found)
        }
        if codes.contains("5.02"), !sections.contains(where: { $0.code == "5.02" }) {
            events.append(
                ClassifiedEvent(
                    kind: .officerChange, source: "5.02", quote: "",
                    summary: "Item 5.02 reported; its text was not found in the document"))
        }
        let workforceTexts = sections.filter { workforceItems.contains($0.code) }.map { (source: $0.code, text: $0.text) }
            + exhibits.map { (source: "EX-99", text: $0) }
        if let workforce = WorkforceReader.shared.read(workforceTexts, isExitItem: codes.contains("2.05")) {
            events.append(workforce)
        } else if codes.contains("2.05") {
            events.append(
                ClassifiedEvent(
                    kind: .restructuring, source: "2.05", quote: sections.first { $0.code == "2.05" }.map { String($0.text.prefix(300)) } ?? "",
                    summary: "Exit or disposal plan (Item 2.05) reported"))
        }
        return events
    }
}
