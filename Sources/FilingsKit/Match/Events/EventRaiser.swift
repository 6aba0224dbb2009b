import FilingsModel
import Foundation

/// Turns stored records of watched companies into events (the "match" stage for 8-Ks).
public enum EventRaiser {
    /// The events an 8-K's item codes alone justify: Item 2.05 is a layoff, Item 5.02 an officer change until its text is read.
    public static func events(for filing: Filing, company: String, historical: Bool, now: Date) -> [Event] {
        guard filing.isCurrentReport, let items = filing.items else { return [] }
        let amendment = filing.form == "8-K/A" ? " (amendment)" : ""
        var events: [Event] = []
        if items.contains("2.05") {
            events.append(
                event(filing, company, .layoff, "8-K Item 2.05 exit or disposal costs\(amendment)", historical, now))
        }
        if items.contains("5.02") {
            events.append(
                event(filing, company, .officerChange, "8-K Item 5.02 departure, appointment or pay of officers or directors\(amendment); not read yet", historical, now))
        }
        return events
    }

    /// The natural key of an 8-K event: one per filer, filing and kind (co-registrants file one 8-K, and each has its events).
    public static func key(cik: Int64, accession: String, kind: EventKind) -> String {
        "\(Source.sec8k.rawValue):\(cik):\(accession):\(kind.rawValue)"
    }

    private static func event(_ filing: Filing, _ company: String, _ kind: EventKind, _ summary: String, _ historical: Bool, _ now: Date) -> Event {
        Event(
            key: key(cik: filing.cik, accession: filing.accession, kind: kind), cik: filing.cik, company: company, kind: kind, source: .sec8k,
            sourceRef: filing.accession, date: filing.filingDate, url: filing.url, summary: summary, strength: .secItem,
            historical: historical, matchedName: filing.companyName, createdAt: now)
    }
}

extension EventRaiser {
    /// The kinds whose events carry `people`: an empty list then says the text named nobody.
    static let peopleKinds: Set<EventKind> = [.departure, .appointment, .compensation]

    /// Events from reading an 8-K: one per classified fact, strength `document-text`, with the quote that proves it.
    static func events(reading classified: [ClassifiedEvent], filing: Filing, company: String, historical: Bool, now: Date) -> [Event] {
        var seen: [String: Int] = [:]
        return classified.map { fact in
            // Two departures in one filing are two events; the person keeps their keys apart.
            let who = fact.person.map(CompanyName.normalize) ?? ""
            let base = "\(key(cik: filing.cik, accession: filing.accession, kind: fact.kind)):\(who)"
            let count = seen[base, default: 0]
            seen[base] = count + 1
            let strength: Strength = fact.kind == .officerChange ? .secItem : .documentText
            return Event(
                key: count == 0 ? base : "\(base):\(count)", cik: filing.cik, company: company, kind: fact.kind, source: .sec8k,
                sourceRef: filing.accession, date: filing.filingDate, url: filing.url, summary: fact.summary, strength: strength,
                historical: historical, employees: fact.employees, quote: fact.quote, matchedName: filing.companyName, createdAt: now,
                people: Self.peopleKinds.contains(fact.kind) ? fact.people : nil)
        }
    }
}

extension EventRaiser {
    /// The events one filer's reading of a co-filed 8-K raised, given to `filing`'s filer under its own keys
    /// (co-registrants file one document, read once). Item events are left out: the filer has its own.
    static func events(sharing stored: [Event], filing: Filing, company: String, historical: Bool, now: Date) -> [Event] {
        // A reading's keys carry a fifth part (the person, maybe empty) that item keys lack.
        let read = stored.filter { $0.key.split(separator: ":", omittingEmptySubsequences: false).count >= 5 }
        guard let reader = read.first?.cik else { return [] }
        let readerPrefix = "\(Source.sec8k.rawValue):\(reader):"
        return read.filter { $0.cik == reader }.map { event in
            var copy = event
            copy.id = nil
            copy.key = "\(Source.sec8k.rawValue):\(filing.cik):" + event.key.dropFirst(readerPrefix.count)
            copy.cik = filing.cik
            copy.company = company
            copy.url = filing.url
            copy.matchedName = filing.companyName
            copy.historical = historical
            copy.deliveredAt = nil
            copy.amendedAt = nil
            copy.createdAt = now
            return copy
        }
    }
}
