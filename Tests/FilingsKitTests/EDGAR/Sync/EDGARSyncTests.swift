import Foundation
import Testing

@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite(.serialized) struct EDGARSyncTests {
    let week = (since: Day("2025-11-17"), until: Day("2025-11-23"))

    @Test func watchThenSyncRaisesEachEventOnceAndConditionalRequestsRepeat() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let clock = TestClock("2025-11-24T17:00:00Z")
            let context = try mirror.context(now: clock.now)
            let store = context.store

            let outcome = try await Watcher(context: context).watch("Meta")
            #expect(outcome.company.cik == 1326801)
            #expect(outcome.historyError == nil)
            #expect(outcome.others.contains { $0.cik == 1431567 })
            #expect(outcome.company.formerNames.map(\.name) == ["FACEBOOK INC"])
            // 8-Ks in recent (3) and in the history page (1); Form D items are not 8-K items.
            #expect(outcome.filingsStored == 4)
            let history = try store.events(EventQuery(cik: 1326801))
            #expect(history.count == 3)
            #expect(history.allSatisfy { $0.historical })
            // The past year's 5.02 was read: Jane Roe's resignation replaces its unread officer-change event.
            #expect(Set(history.map(\.kind)) == [.departure, .officerChange, .layoff])
            let departure = try #require(history.first { $0.kind == .departure })
            #expect(departure.strength == .documentText)
            #expect(departure.summary.contains("Jane Roe"))
            #expect(departure.quote?.contains("decision to resign as Chief Accounting Officer") == true)

            let first = await EDGARSync(context: context, feed: try context.edgarFeed()).run(since: week.since, until: week.until)
            #expect(first.failures == [])
            #expect(first.fetched == ["2025-11-17", "2025-11-18", "2025-11-19", "2025-11-21"])
            #expect(first.missing == ["2025-11-20", "2025-11-22", "2025-11-23"])
            #expect(first.recordsStored == 8)  // the 8-K family rows; Meta's 2025-11-14 row was already stored
            #expect(first.eventsRaised == 1)
            let layoff = try #require(try store.events(EventQuery(cik: 1326801, kinds: [.layoff], includeHistorical: false)).first)
            #expect(layoff.sourceRef == "0001628280-25-061001")
            #expect(layoff.url?.hasSuffix("/Archives/edgar/data/1326801/000162828025061001/0001628280-25-061001-index.htm") == true)
            #expect(layoff.strength == .documentText)
            #expect(layoff.employees == 600)
            // Weekend days are never requested.
            #expect(await server.requests(to: EDGARMirror.dailyPath("20251122")).isEmpty)

            // The next night: the 8-K that the submissions JSON did not list yet gets its items.
            clock.advance(by: 86_400)
            let second = await EDGARSync(context: context, feed: try context.edgarFeed()).run()
            #expect(second.failures == [])
            #expect(second.eventsRaised == 1)
            let pending = try store.pendingEvents()
            #expect(pending.map(\.sourceRef).sorted() == ["0001628280-25-061001", "0001628280-25-061230"])
            // A pay-only Item 5.02 is compensation, never a departure.
            #expect(pending.first { $0.sourceRef == "0001628280-25-061230" }?.kind == .compensation)
            // Each filing is fetched once, however often sync runs.
            #expect(await server.requests(to: EDGARMirror.filingTextPath("0001628280-25-061001")).count == 1)

            // Re-reading the same week asks conditionally and changes nothing.
            let before = try store.filingCount()
            let third = await EDGARSync(context: context, feed: try context.edgarFeed()).run(since: week.since, until: week.until)
            #expect(third.unchanged == ["2025-11-17", "2025-11-18", "2025-11-19", "2025-11-21"])
            #expect(third.recordsStored == 0 && third.eventsRaised == 0)
            #expect(try store.filingCount() == before)
            let conditional = await server.requests(to: EDGARMirror.dailyPath("20251118")).last
            #expect(conditional?.header("If-None-Match") == "\"idx-20251118\"")
            #expect(conditional?.header("User-Agent") == EDGARMirror.userAgent)
            #expect(try store.events(EventQuery(cik: 1326801)).count == 5)
        }
    }

    @Test func aSyncKilledAfterStoringItemCodesHasItsEventsRaisedByTheNextRun() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let clock = TestClock("2025-11-24T17:00:00Z")
            let context = try mirror.context(now: clock.now)
            let feed = try context.edgarFeed()
            _ = try await Watcher(context: context).watch("Meta")
            // The night's work up to the kill: the week's indexes, then Meta's submissions with the
            // new 8-K's item codes stored. The process dies before reading the filing and raising its events.
            let sync = EDGARSync(context: context, feed: feed)
            var report = FeedReport(feed: feed.id)
            for day in Day.range(try #require(week.since), try #require(week.until)) where !day.isWeekend {
                _ = try await sync.syncDay(day, into: &report)
            }
            let loaded = try await SubmissionsLoader(context: context, feed: feed).load(cik: 1326801, includeHistory: false, historical: false)
            #expect(loaded.changed.map(\.accession).contains("0001628280-25-061001"))
            #expect(try context.store.events(EventQuery(cik: 1326801, includeHistorical: false)).isEmpty)

            clock.advance(by: 3_600)
            let next = await EDGARSync(context: context, feed: feed).run()
            #expect(next.failures == [])
            let layoff = try #require(try context.store.events(EventQuery(cik: 1326801, kinds: [.layoff], includeHistorical: false)).first)
            #expect(layoff.sourceRef == "0001628280-25-061001")
            #expect(layoff.strength == .documentText)
            #expect(try context.store.pendingEvents().map(\.sourceRef).contains("0001628280-25-061001"))
            #expect(try context.store.filingsAwaitingEvents(cik: 1326801).isEmpty)
            // Once raised, nothing is raised again.
            let after = await EDGARSync(context: context, feed: feed).run()
            #expect(after.eventsRaised == 0)
        }
    }

    @Test func anErrorPageAndARateLimitFailOnlyTheirDaysAndTheNextSyncFillsTheGapOnce() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            await server.route(EDGARMirror.dailyPath("20251118"), .html("<html><head><title>SEC.gov | Your Request Originates from an Undeclared Automated Tool</title></head></html>"), .ok(try SharedData.fixture("mirror/master.20251118.idx")))
            await server.route(EDGARMirror.dailyPath("20251119"), .status(429), .ok(try SharedData.fixture("mirror/master.20251119.idx")))
            let clock = TestClock("2025-11-24T17:00:00Z")
            let ban = BanRecord.inMemory()
            let context = try mirror.context(now: clock.now, ban: ban)
            let feed = try context.edgarFeed()

            let first = await EDGARSync(context: context, feed: feed).run(since: week.since, until: week.until)
            #expect(first.failed)
            #expect(first.fetched == ["2025-11-17"])
            #expect(first.failures.count == 2)
            #expect(first.failures[0].contains("2025-11-18") && first.failures[0].contains("HTML"))
            #expect(await server.requests(to: EDGARMirror.dailyPath("20251121")).isEmpty)  // no SEC request after a 429
            #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoDay("2025-11-18"))?.status == .failed)

            // Within the ban nothing is asked of the SEC.
            clock.advance(by: 60)
            let count = await server.requests.count
            let banned = await EDGARSync(context: context, feed: feed).run()
            #expect(banned.failed)
            #expect(await server.requests.count == count)

            clock.advance(by: 600)
            let second = await EDGARSync(context: context, feed: feed).run(until: week.until)
            #expect(second.failures == [])
            #expect(second.fetched == ["2025-11-18", "2025-11-19", "2025-11-21"])
            #expect(try context.store.filingCount() == 9)  // with no watch, Meta's late-disseminated 2025-11-14 row is new too
            let third = await EDGARSync(context: context, feed: feed).run(until: week.until)
            #expect(third.fetched.isEmpty && third.recordsStored == 0)
        }
    }

    @Test func aMissingUserAgentStopsTheSECFeedWithAClearMessage() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
            let client = HTTPClient(transport: .live(timeout: 5), userAgent: nil, sleep: { _ in })
            let context = FilingsContext(
                store: store, feeds: try FeedCatalog(directory: mirror.feedsDirectory.path),
                fetcher: Fetcher { try await client.fetch($0, kind: $1, validators: $2, sec: $3) })
            let report = await EDGARSync(context: context, feed: try context.edgarFeed()).run(since: week.since, until: week.until)
            #expect(report.failed)
            #expect(report.failures.first?.contains("FILINGS_USER_AGENT") == true)
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func anUnreachableServerStopsTheNightAfterOneDayNotOnePerDay() async throws {
        // Nothing listens on port 1 of the loopback: every request is refused at once.
        let feeds = try EDGARMirror.writeFeeds(base: try #require(URL(string: "http://127.0.0.1:1")))
        let mirror = EDGARMirror(server: try await LoopbackServer.start(), feedsDirectory: feeds)
        let context = try mirror.context(now: TestClock("2025-11-24T17:00:00Z").now)
        let report = await EDGARSync(context: context, feed: try context.edgarFeed()).run(since: week.since, until: week.until)
        await mirror.server.stop()
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.contains("2025-11-17") == true)
        #expect(report.failures.first?.contains("could not connect to the server") == true)
        #expect(try context.store.ledgerEntry(feed: "sec-edgar", unit: .isoDay("2025-11-18")) == nil)  // asked next run
    }
}
