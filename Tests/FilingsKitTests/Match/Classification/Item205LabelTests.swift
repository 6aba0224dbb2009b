import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

/// Checks headcount reading on the verbatim count quotes of third-party hand-labelled Item 2.05 filings
/// (`edgar/item205-labels/`: metadata and quotes only, no documents).
@Suite struct Item205LabelTests {
    /// Rows of a CSV file whose quoted fields may hold commas and doubled quotes.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    static func table(_ path: String) throws -> [[String: String]]? {
        guard let url = SharedData.file(path) else { return nil }
        let rows = csvRows(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().filter { $0.count == header.count }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func goldsetQuotesYieldTheStatedHeadcount() throws {
        guard let rows = try Self.table("edgar/item205-labels/sec_item205_goldset_2025-07_2026-06.DERIVED.csv") else { return }
        let matched = rows.filter { $0["decision"] == "matched" }
        var exact = 0
        var misses: [String] = []
        for row in matched {
            // The transcribed quotes mark elided words with "..."; the filing itself has words there.
            let quote = (row["count_evidence_quote_or_note"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                .replacingOccurrences(of: " ... ", with: " ")
            let events = FilingClassifier.classify(itemCodes: ["2.05"], sections: [ItemSection(code: "2.05", heading: "", text: quote)], exhibits: [])
            let employees = events.first { $0.kind == .layoff }?.employees
            if let employees, String(employees) == row["stated_job_count"] {
                exact += 1
            } else {
                misses.append("\(row["accession"] ?? ""): expected \(row["stated_job_count"] ?? "") got \(employees.map(String.init) ?? "nil") from \(quote)")
            }
        }
        FileHandle.standardError.write(Data(("Item 2.05 goldset quotes: headcount exact \(exact)/\(matched.count)\n" + misses.map { "  miss: \($0)\n" }.joined()).utf8))
        #expect(matched.count >= 50)
        #expect(Double(exact) >= 0.85 * Double(matched.count))
    }

    @Test func totalsAndRemaindersAreNotTheCut() throws {
        guard let rows = try Self.table("edgar/item205-labels/sec_item205_goldset_2025-07_2026-06.DERIVED.csv") else { return }
        for row in rows where row["decision"] == "exclude" {
            let note = row["count_evidence_quote_or_note"] ?? ""
            guard note.hasPrefix("PERCENT/TOTAL") || note.hasPrefix("PERCENT/REMAINDER") else { continue }
            let quotes = note.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            for quote in quotes {
                let events = FilingClassifier.classify(itemCodes: ["2.05"], sections: [ItemSection(code: "2.05", heading: "", text: quote)], exhibits: [])
                #expect(events.first?.employees == nil, "\(quote)")
            }
        }
    }

    @Test func handLabelledExcerptsAgreeOnWorkforceAndNumbers() throws {
        guard let rows = try Self.table("edgar/item205-labels/parse205_v2_hand_labels_2026.DERIVED.csv") else { return }
        var agree = 0
        var total = 0
        for row in rows {
            guard let excerpt = row["excerpt"], !excerpt.isEmpty, row["is_workforce"] == "True" else { continue }
            total += 1
            let events = FilingClassifier.classify(itemCodes: ["2.05"], sections: [ItemSection(code: "2.05", heading: "", text: excerpt)], exhibits: [])
            let event = events.first
            let headcountAgrees = (row["headcount"] ?? "").isEmpty || event?.employees.map(String.init) == row["headcount"]
            let percentAgrees = (row["pct"] ?? "").isEmpty || event?.percentage == Double(row["pct"] ?? "")
            if event != nil, headcountAgrees, percentAgrees { agree += 1 }
        }
        FileHandle.standardError.write(Data("parse205 hand labels: event, headcount and percentage agree on \(agree)/\(total) workforce excerpts\n".utf8))
        #expect(total > 0)
    }
}
