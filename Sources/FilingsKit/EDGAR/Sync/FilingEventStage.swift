import FilingsModel
import Foundation

/// The match stage for 8-Ks of one company: events from item codes, then, where asked, from reading the filings.
struct FilingEventStage {
    let context: FilingsContext
    let feed: FeedDefinition

    /// What the stage did.
    struct Outcome {
        var eventsRaised = 0
        var filingsRead = 0
        var failures: [String] = []
    }

    /// Reads the filings filed on or after `readSince` (none when nil), then raises item events for what reading did not stand in for.
    /// `texts` holds full submissions already fetched, by accession.
    func run(_ filings: [Filing], company: String, historical: Bool, readSince: String?, texts: [String: Data] = [:]) async throws -> Outcome {
        var outcome = Outcome()
        var superseded: Set<String> = []
        if let readSince {
            let reading = await FilingReader(context: context, feed: feed)
                .read(filings.filter { $0.filingDate >= readSince }, company: company, historical: historical, texts: texts)
            outcome.eventsRaised = reading.eventsRaised
            outcome.filingsRead = reading.read
            outcome.failures = reading.failures
            superseded = reading.superseded
        }
        let events = filings.flatMap { EventRaiser.events(for: $0, company: company, historical: historical, now: context.now()) }
        outcome.eventsRaised += try context.store.raise(events.filter { !superseded.contains($0.key) }, settling: filings).count
        return outcome
    }
}
