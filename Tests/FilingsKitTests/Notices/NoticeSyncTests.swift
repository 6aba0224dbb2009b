import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite(.serialized) struct NoticeSyncTests {
    /// A watched Meta (without the network: its submissions come from the mirror) at the given time.
    func watchedMeta(_ server: LoopbackServer, clock: TestClock) async throws -> (EDGARMirror, FilingsContext) {
        let mirror = try await EDGARMirror.start(on: server)
        try await NoticeMirror.start(on: mirror)
        let context = try mirror.context(now: clock.now)
        _ = try await Watcher(context: context).watch("Meta")
        return (mirror, context)
    }

    @Test func warnLettersBecomeOneEventEachAndContractorsAreLabelled() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-09-25T12:00:00Z")
            let (_, context) = try await watchedMeta(server, clock: clock)
            let report = await WarnSync(context: context, feed: try context.feeds.feed(id: "ca-warn")).run()
            #expect(report.failures == [])
            #expect(report.recordsStored == 5)
            let events = try context.store.events(EventQuery(cik: 1326801)).filter { $0.source == .caWarn }
            #expect(events.count == 2)
            let letter = try #require(events.first { $0.kind == .layoff })
            #expect(letter.employees == 165)
            #expect(letter.strength == .legalNotice)
            #expect(letter.summary.contains("2 California sites (Menlo Park, Sunnyvale)"))
            #expect(letter.matchedName == "Meta Platforms, Inc.")
            #expect(letter.url == server.url(NoticeMirror.workbookPath).absoluteString)  // the report it is read from
            let contractor = try #require(events.first { $0.kind == .other })
            #expect(contractor.summary.hasPrefix("contractor's WARN notice at Meta Platforms, Inc.'s site: Aramark at Facebook"))
            // "Metal Works Inc" shares letters, not a word, with Meta.
            #expect(!events.contains { $0.matchedName == "Metal Works Inc" })

            let ledger = try #require(try context.store.ledger(feed: "ca-warn").first)
            #expect(ledger.coversFrom == "2025-07-01" && ledger.coversUntil == "2025-10-03")

            let again = await WarnSync(context: context, feed: try context.feeds.feed(id: "ca-warn")).run()
            #expect(again.unchanged.count == 1 && again.recordsStored == 0 && again.eventsRaised == 0)
        }
    }

    /// A workbook that comes back with a fraction of its rows (a bot wall answering 200 with an empty
    /// sheet) is suspect, not truth: nothing of it is stored, the earlier read's rows and coverage
    /// stay, the night fails once, then it is a standing gap until a good read heals it.
    @Test func aWorkbookThatLosesMostOfItsRowsIsSuspectNotTruth() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-10-10T12:00:00Z")
            let mirror = try await EDGARMirror.start(on: server)
            let full = (1...24).map { index in
                NoticeMirror.Row(
                    county: "Santa Clara", notice: "2025-09-\(10 + index % 10)", processed: "2025-09-20", effective: "2025-11-20",
                    company: "Company \(index) Inc", layoffOrClosure: "Layoff Permanent", employees: 50 + index,
                    address: "\(index) Main St, San Jose, CA 95110")
            }
            try await NoticeMirror.start(on: mirror, rows: full)
            let context = try mirror.context(now: clock.now)
            let feed = try context.feeds.feed(id: "ca-warn")
            let first = await WarnSync(context: context, feed: feed).run()
            #expect(first.failures == [] && first.recordsStored == 24)
            let coverage = try #require(try context.store.ledger(feed: "ca-warn").first?.coverage)

            await mirror.server.route(NoticeMirror.workbookPath, .ok(try NoticeMirror.workbook(Array(full.prefix(2))), headers: ["ETag": "\"bot\""]))
            clock.advance(by: 86_400)
            let suspect = await WarnSync(context: context, feed: feed).run()
            #expect(suspect.failed)
            #expect(suspect.failures.first?.contains("suspect: read 2 rows where the last good read had 24") == true, "\(suspect.failures)")
            #expect(try context.store.warnNotices().count == 24)
            let entry = try #require(try context.store.ledger(feed: "ca-warn").first)
            #expect(entry.status == .suspect && entry.coverage == coverage && entry.rows == 24)
            #expect(try NoticeEvidence(context: context).coveredSpans(feed: feed) == [coverage])

            clock.advance(by: 86_400)
            let again = await WarnSync(context: context, feed: feed).run()
            #expect(!again.failed && again.standing.count == 1, "\(again)")

            await mirror.server.route(NoticeMirror.workbookPath, .ok(try NoticeMirror.workbook(full), headers: ["ETag": "\"wb2\""]))
            clock.advance(by: 86_400)
            let healed = await WarnSync(context: context, feed: feed).run()
            #expect(!healed.failed && healed.healed.count == 1)
            #expect(try context.store.ledger(feed: "ca-warn").first?.status == .ok)
        }
    }

    @Test func anAmendedNoticeUpdatesItsEventInsteadOfDuplicatingIt() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-09-25T12:00:00Z")
            let (mirror, context) = try await watchedMeta(server, clock: clock)
            let feed = try context.feeds.feed(id: "ca-warn")
            _ = await WarnSync(context: context, feed: feed).run()
            let first = try #require(try context.store.events(EventQuery(cik: 1326801, kinds: [.layoff])).first { $0.source == .caWarn })
            try context.store.markDelivered(ids: [try #require(first.id)], at: clock.now())

            var amended = NoticeMirror.rows
            amended[0].employees = 150
            await mirror.server.route(NoticeMirror.workbookPath, .ok(try NoticeMirror.workbook(amended), headers: ["ETag": "\"wb2\""]))
            clock.advance(by: 86_400)
            let report = await WarnSync(context: context, feed: feed).run()
            #expect(report.failures == [])
            #expect(report.recordsStored == 0)
            #expect(report.eventsRaised == 1)
            let events = try context.store.events(EventQuery(cik: 1326801, kinds: [.layoff])).filter { $0.source == .caWarn }
            #expect(events.count == 1)
            #expect(events.first?.employees == 195)  // 150 + 45
            #expect(events.first?.amendedAt != nil)
            #expect(events.first?.deliveredAt == nil)  // sent again, flagged, by the next digest
        }
    }

    @Test func aRevisionWithANewProcessedDateAmendsTheSameLetter() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-09-25T12:00:00Z")
            let (mirror, context) = try await watchedMeta(server, clock: clock)
            let feed = try context.feeds.feed(id: "ca-warn")
            _ = await WarnSync(context: context, feed: feed).run()
            // EDD processes a revision of Meta's Sunnyvale site: a new count and a new processed date,
            // so the row's natural key is new; it is still the same site of the same letter.
            var revised = NoticeMirror.rows
            revised[1].employees = 60
            revised[1].processed = "2025-09-30"
            await mirror.server.route(NoticeMirror.workbookPath, .ok(try NoticeMirror.workbook(revised), headers: ["ETag": "\"wb3\""]))
            clock.advance(by: 86_400 * 7)
            let report = await WarnSync(context: context, feed: feed).run()
            #expect(report.failures == [])
            #expect(report.recordsStored == 0)
            #expect(try context.store.warnNotices().count == NoticeMirror.rows.count)
            let events = try context.store.events(EventQuery(cik: 1326801, kinds: [.layoff])).filter { $0.source == .caWarn }
            #expect(events.count == 1)
            #expect(events.first?.employees == 180)  // 120 + 60, not 120 + 45 + 60
            #expect(events.first?.amendedAt != nil)
        }
    }

    @Test func anHTMLPageUnderAReportNameIsAnErrorNotAnEmptyYear() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-09-25T12:00:00Z")
            let (mirror, context) = try await watchedMeta(server, clock: clock)
            await mirror.server.route(NoticeMirror.pagePath, .html("<html><a href=\"/warn/warn-report-fy-2024.pdf\">FY 2024</a><a href=\"\(NoticeMirror.workbookPath)\">current</a></html>"))
            await mirror.server.route("/warn/warn-report-fy-2024.pdf", .html("<html><head><title>Page not found</title></head></html>"))
            let report = await WarnSync(context: context, feed: try context.feeds.feed(id: "ca-warn")).run()
            #expect(report.failed)
            #expect(report.failures.first?.contains("warn-report-fy-2024.pdf") == true)
            #expect(report.fetched.count == 1)  // the workbook is still read
            #expect(try context.store.ledgerEntry(feed: "ca-warn", unit: .file(mirror.server.url("/warn/warn-report-fy-2024.pdf").absoluteString))?.status == .failed)
        }
    }

    @Test func ermReportsAreMediaEventsLinkedToTheirPages() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-09-25T12:00:00Z")
            let (mirror, context) = try await watchedMeta(server, clock: clock)
            let report = await ERMSync(context: context, feed: try context.feeds.feed(id: "eu-erm")).run()
            #expect(report.failures == [])
            #expect(report.recordsStored == 3)
            let request = try #require(await mirror.server.requests(to: NoticeMirror.exportPath).first)
            #expect(request.target.contains("date-from=2024-09-25&date-to=2025-09-25"))
            let events = try context.store.events(EventQuery(cik: 1326801)).filter { $0.source == .euErm }
            #expect(events.count == 1)
            #expect(events.first?.kind == .layoff)
            #expect(events.first?.strength == .media)
            #expect(events.first?.employees == 120)
            #expect(events.first?.url == mirror.server.baseURL.absoluteString + "/restructuring-events/detail/210001")
            let again = await ERMSync(context: context, feed: try context.feeds.feed(id: "eu-erm")).run()
            #expect(again.recordsStored == 0 && again.eventsRaised == 0)
        }
    }
}
