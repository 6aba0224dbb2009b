import Foundation
import GRDB
import Testing
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The people read from an 8-K's 5.02 text, carried by its events into SQLite, the event JSON and the digest.
@Suite struct PeopleEventTests {
    static let now = Date(timeIntervalSince1970: 1_795_758_600)

    /// The events `fixture` raises for a made-up filer.
    func events(_ fixture: String, accession: String) throws -> [Event] {
        let data = try SharedData.fixture("documents/people/\(fixture)")
        let classified = FilingClassifier.classify(FilingText(submission: String(decoding: data, as: UTF8.self)))
        let filing = Filing(
            accession: accession, cik: 4_242, companyName: "HARBOR FREIGHTWAYS CORP", form: "8-K", filingDate: "2023-08-02",
            items: ["5.02", "9.01"], url: "https://www.sec.gov/Archives/edgar/data/4242/\(accession).txt", source: "test")
        return EventRaiser.events(reading: classified, filing: filing, company: "Harbor Freightways Corp", historical: false, now: Self.now)
    }

    @Test func peopleAreStoredAsJSONAndReadBack() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("filings.sqlite").path)
        let raised = try events("appointment-previous-employer.htm", accession: "0000004242-23-000001")
        #expect(Set(raised.map(\.kind)) == [.departure, .appointment])
        try store.raise(raised)
        let stored = try store.events(EventQuery(cik: 4_242))
        #expect(stored.count == raised.count)
        for event in raised {
            let back = try #require(stored.first { $0.key == event.key })
            #expect(back.people == event.people)
            #expect(back.people?.isEmpty == false)
        }
        let text = try store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT people FROM event WHERE kind = 'departure'")
        }
        let column = try #require(text)
        #expect(column.contains(#""name":"Robert L. Ames""#) && column.contains(#""successor":"Dana K. Whitfield""#))
    }

    @Test func anEventStoredBeforePeopleWereReadHasNone() throws {
        let path = try temporaryDirectory().appendingPathComponent("old.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v14-identity")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event (key, cik, company, kind, source, sourceRef, date, summary, strength, historical, createdAt)
                    VALUES ('sec-8k:1:a:departure:', 1, 'Acme', 'departure', 'sec-8k', 'a', '2020-01-02', 'Jane Doe resigned', 'document-text', 0, '2020-01-02 00:00:00.000')
                    """)
        }
        try old.close()
        let store = try Store(path: path)
        let stored = try #require(try store.events(EventQuery()).first)
        #expect(stored.summary == "Jane Doe resigned")
        #expect(stored.people == nil)
    }

    @Test func theEventJSONCarriesEveryPersonFieldAndNullElsewhere() throws {
        let raised = try events("pronoun-across-sentences.htm", accession: "0000004242-18-000002")
        let layoff = ReportSamples.metaLayoff
        let json = try Listing.json((raised + [layoff]).map(EventJSON.init))
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let departure = try #require(objects.first { $0["kind"] as? String == "departure" })
        let people = try #require(departure["people"] as? [[String: Any]])
        let person = try #require(people.first)
        #expect(Set(person.keys) == ["name", "role", "change", "effective", "successor", "interim", "reason", "quote"])
        #expect(person["name"] as? String == "Arthur P. Lindqvist")
        #expect(person["change"] as? String == "departure")
        #expect(person["reason"] as? String == "retirement")
        #expect(person["effective"] as? String == "2018-06-30")
        #expect(person["successor"] is NSNull)
        #expect(person["interim"] as? Bool == false)
        // The contract's other fields are unchanged; an event not read for people says null, not [].
        let layoffObject = try #require(objects.last)
        #expect(layoffObject["people"] is NSNull)
        #expect(Set(layoffObject.keys).isSuperset(of: ["company", "cik", "kind", "source", "sourceRef", "date", "url", "summary", "strength", "historical", "employees", "matchedName"]))
    }

    @Test func theDigestShowsOneLinePerPerson() throws {
        let raised = try events("appointment-previous-employer.htm", accession: "0000004242-23-000001")
        let text = DigestRenderer(generatedAt: Self.now).text(raised)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("    - Robert L. Ames: leaves (retirement), effective 2023-09-05; successor Dana K. Whitfield"))
        #expect(lines.contains("    - Dana K. Whitfield, Executive Vice President and Chief Financial Officer: appointed, effective 2023-09-05"))
        #expect(lines.filter { $0.hasPrefix("    - ") }.count == 2)
    }

    @Test func aPersonLineSaysInterimAndReason() {
        let person = PersonChange(
            name: "Jane Doe", role: "Chief Financial Officer", change: .departure, effective: "2026-03-31", successor: "John Roe",
            interim: true, reason: .retirement, quote: "Jane Doe will retire as Chief Financial Officer effective March 31, 2026.")
        #expect(DigestRenderer.personLine(person)
            == "    - Jane Doe, Chief Financial Officer: leaves (retirement), effective 2026-03-31; successor John Roe (interim)")
        let hostile = PersonChange(name: "Eve\r\nBcc: x@example.com", change: .appointment, interim: true, quote: "")
        #expect(DigestRenderer.personLine(hostile) == "    - Eve Bcc: x@example.com: appointed (interim)")
    }
}
