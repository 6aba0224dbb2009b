import FilingsFormats
import FilingsModel
import Foundation

/// Renders stored watches, events and records for the listing commands, as text for people or JSON for scripts.
public enum Listing {
    /// Pretty, key-sorted JSON of `values`, ending in a newline; an empty list is `[]`.
    public static func json<T: Encodable>(_ values: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(values), as: UTF8.self)
        // The pretty printer writes an empty array over three lines.
        return (text.filter { !$0.isWhitespace } == "[]" ? "[]" : text) + "\n"
    }

    /// One line per event: date, company, kind, strength, summary, link.
    public static func text(events: [Event]) -> String {
        events.map { event in
            var line = "\(event.date)  \(TextSanitizer.singleLine(event.company))  \(event.kind.rawValue) [\(event.strength.rawValue)]"
            if event.historical { line += " (history)" }
            line += "  \(TextSanitizer.singleLine(event.summary))"
            if let employees = event.employees { line += " — \(employees) employees" }
            if let url = event.url { line += "\n    \(TextSanitizer.singleLine(url))" }
            if let quote = event.quote { line += "\n    “\(TextSanitizer.singleLine(quote))”" }
            if let match = matchLine(event) { line += "\n    \(match)" }
            for person in event.people ?? [] { line += "\n" + DigestRenderer.personLine(person) }
            return line
        }.joined(separator: "\n") + (events.isEmpty ? "" : "\n")
    }

    /// "matched “Meta” as brand (…)": said when a notice is the company's by something other than its
    /// current name, so a reader can weigh the match.
    static func matchLine(_ event: Event) -> String? {
        guard let matchedAs = event.matchedAs, !matchedAs.hasPrefix("current name") else { return nil }
        let printed = event.matchedName.map { "“\(TextSanitizer.singleLine($0))” " } ?? ""
        return "matched \(printed)as \(TextSanitizer.singleLine(matchedAs))"
    }

    /// One line per watch: CIK, tickers, name, aliases, and whether its history is loaded.
    public static func text(watches: [Watch], companies: [Int64: Company]) -> String {
        watches.map { watch in
            let tickers = companies[watch.cik]?.tickers.joined(separator: ",") ?? ""
            var line = "CIK \(watch.cik)  \(tickers.isEmpty ? "-" : tickers)  \(TextSanitizer.singleLine(watch.name))"
            if !watch.aliases.isEmpty { line += "  aliases: \(watch.aliases.map(TextSanitizer.singleLine).joined(separator: ", "))" }
            if watch.historyLoadedAt == nil { line += "  (history not loaded yet: run filings sync)" }
            return line
        }.joined(separator: "\n") + (watches.isEmpty ? "" : "\n")
    }

    /// One line per record: date, source, company, form or kind, count, place, link.
    public static func text(records: [RecordJSON]) -> String {
        records.map { record in
            var parts = [record.date ?? "????-??-??", record.source.rawValue, record.company]
            if let form = record.form { parts.append(form + (record.items.map { " " + $0.joined(separator: ",") } ?? "")) }
            if let kind = record.kind, record.form == nil { parts.append(kind.rawValue) }
            if let employees = record.employees { parts.append("\(employees) employees") }
            if let location = record.location { parts.append(location) }
            if let cik = record.cik, record.linkedAs != nil { parts.append("CIK \(cik)") }
            if let url = record.url { parts.append(url) }
            return parts.joined(separator: "  ")
        }.joined(separator: "\n") + (records.isEmpty ? "" : "\n")
    }
}

/// A watch in the JSON shape of `filings watches --json`.
public struct WatchJSON: Encodable, Sendable {
    public var cik: Int64
    public var name: String
    public var tickers: [String]
    public var aliases: [String]
    public var formerNames: [String]
    public var historyLoaded: Bool

    /// The JSON form of a watch and what is known of its company.
    public init(_ watch: Watch, company: Company?) {
        cik = watch.cik
        name = TextSanitizer.singleLine(watch.name)
        tickers = company?.tickers ?? []
        aliases = watch.aliases.map(TextSanitizer.singleLine)
        formerNames = company?.formerNames.map { TextSanitizer.singleLine($0.name) } ?? []
        historyLoaded = watch.historyLoadedAt != nil
    }
}
