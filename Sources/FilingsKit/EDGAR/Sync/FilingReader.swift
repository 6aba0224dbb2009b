import FilingsModel
import Foundation

/// Reads the 8-Ks whose items may hide a layoff or name who left, and replaces their item events by what the text says.
struct FilingReader {
    let context: FilingsContext
    let feed: FeedDefinition


    /// What reading did.
    struct Outcome {
        var read = 0
        var eventsRaised = 0
        /// Item-event keys that what was read stands in for.
        var superseded: Set<String> = []
        var failures: [String] = []
    }

    /// Reads each filing not read before (one request each, none for one whose full text is in `texts`,
    /// by accession, as `follow` fetched it already); a failure is reported and retried next time.
    func read(_ filings: [Filing], company: String, historical: Bool, texts: [String: Data] = [:]) async -> Outcome {
        var outcome = Outcome()
        for filing in filings where filing.needsReading {
            do {
                if try context.store.hasRead(accession: filing.accession) {
                    // Read before, maybe for a co-registrant: this filer gets that reading's events, never a second fetch.
                    let shared = EventRaiser.events(
                        sharing: try context.store.currentReportEvents(accession: filing.accession), filing: filing, company: company,
                        historical: historical, now: context.now())
                    let replaced = FilingReader.replacedKeys(filing, by: shared)
                    outcome.eventsRaised += try context.store.raise(shared, replacing: replaced).count
                    outcome.superseded.formUnion(replaced)
                    continue
                }
                let url = try FilingURL.text(feed: feed, cik: filing.cik, accession: filing.accession)
                let data: Data
                if let fetched = texts[filing.accession] {
                    data = fetched
                } else {
                    guard case .fetched(let body, _) = try await context.fetcher.fetch(url, kind: .document, sec: true, feed: feed.id) else {
                        throw FilingReaderError.missing(url: url.absoluteString)
                    }
                    data = body
                }
                let text = FilingText(submission: FilingReader.decode(data), itemCodes: filing.items ?? [])
                let events = EventRaiser.events(reading: FilingClassifier.classify(text), filing: filing, company: company, historical: historical, now: context.now())
                // Legacy Items 5, 6 and 9 are kept as evidence as the modern items they stand for are.
                let kept = Filing.itemsToRead.union(Filing.legacyItemsToRead)
                let document = FilingDocument(
                    accession: filing.accession, url: url.absoluteString, fetchedAt: context.now(),
                    sections: Dictionary(
                        text.sections.filter { kept.contains($0.code) }.map { ($0.code, String($0.text.prefix(20_000))) },
                        uniquingKeysWith: { first, _ in first }),
                    exhibitExcerpt: text.exhibits.first.map { String($0.prefix(20_000)) })
                let replaced = FilingReader.replacedKeys(filing, by: events)
                outcome.eventsRaised += try context.store.storeReading(document, events: events, replacing: replaced).count
                outcome.superseded.formUnion(replaced)
                outcome.read += 1
            } catch {
                outcome.failures.append("reading \(filing.accession): \(error.localizedDescription)")
                if EDGARSync.stopsSECRequests(error) { break }
            }
        }
        return outcome
    }

    /// The item events that what was read supersedes: the unread 5.02 once a person or pay is named, the 2.05 once the cut is described.
    static func replacedKeys(_ filing: Filing, by events: [Event]) -> [String] {
        let kinds = Set(events.map(\.kind))
        var keys: [String] = []
        if !kinds.isDisjoint(with: [.departure, .appointment, .compensation, .officerChange]) {
            keys.append(EventRaiser.key(cik: filing.cik, accession: filing.accession, kind: .officerChange))
        }
        if !kinds.isDisjoint(with: [.layoff, .closure, .restructuring]) {
            keys.append(EventRaiser.key(cik: filing.cik, accession: filing.accession, kind: .layoff))
        }
        return keys
    }

    /// Filings are mostly ASCII or UTF-8; old ones are Latin-1.
    static func decode(_ data: Data) -> String {
        String(data: data, encoding: .utf8) ?? String(decoding: data.map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self)
    }
}

/// Why a filing could not be read.
enum FilingReaderError: LocalizedError {
    case missing(url: String)

    var errorDescription: String? {
        switch self {
        case .missing(let url): "EDGAR has no file at \(url)"
        }
    }
}
