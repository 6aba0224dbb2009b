import Foundation
import Testing

@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite(.serialized) struct FollowerTests {
    let layoff = FeedPages.metaLayoff.accession

    @Test func aWatchedCompanysNewEightKIsDeliveredOnceReadFromItsDocument() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let mail = MailBox()
            let follower = try harness.follower(mail)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")

            let first = await follower.poll()
            #expect(first.problems == [])
            #expect(first.newEntries == 3 && first.filingsStored == 3)
            #expect(first.notes.contains { $0.hasPrefix("first start") })
            #expect(mail.messages.isEmpty)

            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p2")
            let second = await follower.poll()
            #expect(second.problems == [])
            #expect(second.newEntries == 1 && second.filingsRead == 1 && second.eventsDelivered == 1)
            #expect(mail.messages.count == 1)
            #expect(mail.messages.first?.contains("Meta Platforms") == true)
            #expect(mail.messages.first?.contains("To: jane@example.com") == true)
            let event = try #require(try harness.events(layoff).first)
            #expect(event.kind == .layoff && event.strength == .documentText && event.employees == 600)
            #expect(event.deliveredAt != nil)
            // Item codes come from the filing's own header; the filing is stored once, under Meta.
            let stored = try #require(try harness.context.store.filings(cik: 1_326_801).first { $0.accession == layoff })
            #expect(stored.items == ["2.05", "9.01"])

            // Nothing new: a conditional read answered 304, no mail.
            let third = await follower.poll()
            #expect(third.unchanged && third.problems == [])
            #expect(mail.messages.count == 1)
            #expect(try await harness.firstPageRequests().last?.header("If-None-Match") == "\"p2\"")
            #expect(try await harness.firstPageRequests().last?.header("User-Agent") == EDGARMirror.userAgent)
            #expect(await server.requests(to: EDGARMirror.filingTextPath(layoff)).count == 1)

            // The nightly job beside it: sync reads the daily index and digest mails what is new, nothing twice.
            let night = await EDGARSync(context: harness.context, feed: harness.feed).run(since: Day("2025-11-17"), until: Day("2025-11-19"))
            #expect(night.failures == [])
            #expect(try harness.events(layoff).count == 1)
            let digest = try await DigestDelivery(context: harness.context, mailer: mail.mailer).run(DigestRequest(format: .json))
            let pending = try harness.context.store.pendingEvents().map(\.sourceRef)
            #expect(!pending.contains(layoff))
            #expect(digest.output?.contains(layoff) != true)
            // The filing was read once, by follow; sync did not fetch it again.
            #expect(await server.requests(to: EDGARMirror.filingTextPath(layoff)).count == 1)
        }
    }

    @Test func aRestartResumesFromTheStoredPosition() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let mail = MailBox()
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            _ = await (try harness.follower(mail)).poll()
            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p2")
            // A new process: nothing in memory but the store.
            let restarted = await (try harness.follower(mail)).poll()
            #expect(restarted.newEntries == 1 && restarted.eventsDelivered == 1)
            #expect(!restarted.notes.contains { $0.hasPrefix("first start") })
            #expect(try await harness.firstPageRequests().last?.header("If-None-Match") == "\"p1\"")
            #expect(try harness.context.store.followPosition()?.seen.first == FeedPages.metaLayoff.accession + "/1326801")
            #expect(mail.messages.count == 1)
        }
    }

    @Test func aCoRegistrantsFilingIsReadOnceAndRaisedForTheWatchedFiler() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server, watchMeta: false)
            try harness.context.store.saveWatch(Watch(cik: 46207, name: "HAWAIIAN ELECTRIC CO INC", historyLoadedAt: harness.clock.now()))
            let accession = "0000354707-25-000041"
            await server.route(
                "/Archives/edgar/data/46207/000035470725000041/\(accession).txt", .ok(try SharedData.fixture("follow/\(accession).txt")))
            let mail = MailBox()
            let follower = try harness.follower(mail)
            try await harness.serve(FeedPages.fillers(2), etag: "p1")
            _ = await follower.poll()
            let updated = "2025-11-18T16:17:02-05:00"
            try await harness.serve(
                [
                    FeedPages.Entry(name: "HAWAIIAN ELECTRIC INDUSTRIES INC", cik: 354707, accession: accession, updated: updated),
                    FeedPages.Entry(name: "HAWAIIAN ELECTRIC CO INC", cik: 46207, accession: accession, updated: updated),
                ] + FeedPages.fillers(2), etag: "p2")
            let batch = await follower.poll()
            #expect(batch.problems == [])
            #expect(batch.eventsDelivered == 1)
            let event = try #require(try harness.events(accession).first)
            #expect(event.cik == 46207 && event.kind == .departure && event.strength == .documentText)
            #expect(event.summary.contains("John Doe"))
            // Both filers keep the filing, with the items of its header.
            #expect(try harness.context.store.filings(cik: 354707).first?.items == ["5.02"])
            #expect(try harness.context.store.filings(cik: 46207).first?.items == ["5.02"])
            #expect(mail.messages.count == 1 && mail.messages[0].contains("HAWAIIAN ELECTRIC CO INC"))
        }
    }

    @Test func aFailedMailerIsRetriedNextIntervalThenLeftToTheDigest() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let mail = MailBox(statuses: [75, 0])
            let follower = try harness.follower(mail)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            _ = await follower.poll()
            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p2")
            let failed = await follower.poll()
            #expect(failed.eventsDelivered == 0)
            #expect(failed.problems.count == 1)
            #expect(failed.problems.first?.contains("exited with status 75") == true)
            #expect(failed.problems.first?.contains("tried again next interval") == true)
            #expect(try harness.events(layoff).first?.deliveredAt == nil)
            let retried = await follower.poll()
            #expect(retried.unchanged && retried.eventsDelivered == 1 && retried.problems == [])
            #expect(mail.messages.count == 2)
            #expect(try harness.events(layoff).first?.deliveredAt != nil)
            _ = await follower.poll()
            #expect(mail.messages.count == 2)
        }
    }

    @Test func aMailerThatFailsTwiceLeavesTheEventsToTheNightlyDigest() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let mail = MailBox(statuses: [1])
            let follower = try harness.follower(mail)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            _ = await follower.poll()
            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p2")
            _ = await follower.poll()
            let second = await follower.poll()
            #expect(second.problems.first?.contains("left to the nightly digest") == true)
            _ = await follower.poll()
            #expect(mail.messages.count == 2)
            // Still pending: the nightly digest mails it.
            #expect(try harness.context.store.pendingEvents().contains { $0.sourceRef == layoff })
            let digest = try await DigestDelivery(context: harness.context, mailer: MailBox().mailer).run(
                DigestRequest(format: .mail, to: [try MailAddress(parsing: "jane@example.com")], sendCommand: "sendmail -t"))
            #expect(digest.delivered && digest.eventCount >= 1)
            #expect(!(try harness.context.store.pendingEvents().contains { $0.sourceRef == layoff }))
        }
    }

    @Test func aFilingNotYetOnTheArchiveIsAskedForAgain() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            await server.route(
                EDGARMirror.filingTextPath(layoff), .status(404), .ok(try SharedData.fixture("mirror/\(layoff).txt")))
            let mail = MailBox()
            let follower = try harness.follower(mail)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            _ = await follower.poll()
            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p2")
            let early = await follower.poll()
            #expect(early.waiting == [layoff] && early.problems == [])
            #expect(mail.messages.isEmpty)
            // Stored as listed, without items, so the nightly sync would learn them if follow never did.
            #expect(try harness.context.store.filings(cik: 1_326_801).first { $0.accession == layoff }?.items == nil)
            #expect(try harness.context.store.followPosition()?.waiting.map(\.accession) == [layoff])
            harness.clock.advance(by: 60)
            let later = await follower.poll()
            #expect(later.waiting.isEmpty && later.eventsDelivered == 1)
            #expect(try harness.events(layoff).first?.strength == .documentText)
            #expect(try harness.context.store.followPosition()?.waiting == [])
        }
    }

    @Test func aFilingStillMissingAfterAnHourIsLeftToTheNightlySync() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            await server.route(EDGARMirror.filingTextPath(layoff), .status(404))
            let follower = try harness.follower(MailBox())
            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p1")
            #expect(await follower.poll().waiting == [layoff])
            harness.clock.advance(by: 3601)
            let gaveUp = await follower.poll()
            #expect(gaveUp.waiting.isEmpty)
            #expect(gaveUp.notes.contains { $0.contains("left to the nightly sync") })
            #expect(try harness.context.store.currentReportsAwaitingItems().contains { $0.accession == layoff })
        }
    }

    @Test func theFeedsErrorPagesStoreNothingAndTheNextIntervalRecovers() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let mail = MailBox()
            let follower = try harness.follower(mail)
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            _ = await follower.poll()
            let before = try harness.context.store.followPosition()
            let target = try FeedPages.target(feed: harness.feed, start: 0)
            let unavailable = "<!DOCTYPE html><html><head><title>SEC.gov | File Unavailable</title></head><body>503</body></html>"
            await server.route(target, .html(unavailable, status: 503))
            let down = await follower.poll()
            #expect(down.problems.count == 1)
            #expect(down.problems.first?.contains("HTTP 503") == true)
            await server.route(target, .html("<html><head><title>Service Unavailable</title></head><body>down</body></html>"))
            let html = await follower.poll()
            #expect(html.problems.first?.contains("HTML page") == true)
            #expect(try harness.context.store.followPosition() == before)
            #expect(mail.messages.isEmpty)

            try await harness.serve([FeedPages.metaLayoff] + FeedPages.fillers(3), etag: "p2")
            let back = await follower.poll()
            #expect(back.problems == [] && back.eventsDelivered == 1)
            #expect(mail.messages.count == 1)
        }
    }

    @Test(.tags(.corpus)) func edgarsReal503PageIsAFailedReadNotData() async throws {
        guard let file = SharedData.file("edgar/feeds/getcurrent/all_count100_start5100.503.html") else { return }
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let follower = try harness.follower(MailBox())
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            _ = await follower.poll()
            let page = try Data(contentsOf: file)
            await server.route(try FeedPages.target(feed: harness.feed, start: 0), .status(503, page, headers: ["Content-Type": "text/html"]))
            let down = await follower.poll()
            #expect(down.problems.count == 1 && down.problems[0].contains("HTTP 503"))
            await server.route(try FeedPages.target(feed: harness.feed, start: 0), .status(200, page, headers: ["Content-Type": "text/html"]))
            let html = await follower.poll()
            #expect(html.problems.count == 1 && html.problems[0].contains("File Unavailable"))
            #expect(try harness.context.store.followPosition()?.seen.count == 3)
        }
    }

    @Test func aGapLargerThanThePagesReadFallsBackToTheDailyIndex() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let mail = MailBox()
            let follower = try harness.follower(mail, maxPages: 2)
            try await harness.serve(FeedPages.fillers(3, from: 500, hour: 12), etag: "p1")
            _ = await follower.poll()
            // 80 newer entries than the last one seen, and more behind them: two pages do not reach it.
            let newer = FeedPages.fillers(120, from: 1, hour: 15)
            try await harness.serve([FeedPages.metaLayoff] + Array(newer[0..<39]), etag: "p2")
            try await harness.serve(Array(newer[39..<79]), etag: "q2", start: 40)
            let batch = await follower.poll()
            #expect(batch.gap)
            #expect(batch.pagesRead == 2)
            #expect(batch.notes.contains { $0.contains("daily indexes") && $0.contains("tonight's index") })
            // The nightly sync's own EDGAR step ran: the daily index of the day was read.
            #expect(await !server.requests(to: EDGARMirror.dailyPath("20251118")).isEmpty)
            #expect(batch.eventsDelivered == 1)
            #expect(mail.messages.count == 1)
            #expect(await server.requests(to: try FeedPages.target(feed: harness.feed, start: 80)).isEmpty)
        }
    }

    @Test func pagingBackStopsAtTheLastEntrySeen() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let follower = try harness.follower(MailBox())
            let older = FeedPages.fillers(40, from: 500, hour: 12)
            try await harness.serve(older, etag: "p1")
            _ = await follower.poll()
            let newer = FeedPages.fillers(45, from: 1, hour: 15)
            try await harness.serve(Array(newer[0..<40]), etag: "p2")
            try await harness.serve(Array(newer[40..<45]) + Array(older[0..<35]), etag: "q2", start: 40)
            let batch = await follower.poll()
            #expect(!batch.gap && batch.pagesRead == 2)
            #expect(batch.newEntries == 45 && batch.filingsStored == 45)
            #expect(await server.requests(to: try FeedPages.target(feed: harness.feed, start: 80)).isEmpty)
        }
    }

    @Test func aStaleFeedIsSaidOnce() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let follower = try harness.follower(MailBox())
            try await harness.serve(FeedPages.fillers(3), etag: "p1")  // newest 15:59 New York time
            let first = await follower.poll()
            #expect(!first.notes.contains { $0.contains("stale") })
            harness.clock.advance(by: 3600)  // 17:20
            let stale = await follower.poll()
            #expect(stale.notes.filter { $0.contains("stale") }.count == 1)
            #expect(stale.notes.first { $0.contains("stale") }?.contains("2025-11-18 15:59") == true)
            harness.clock.advance(by: 60)
            #expect(!(await follower.poll()).notes.contains { $0.contains("stale") })
        }
    }

    @Test func whileAnotherRunWritesTheBatchWaitsWithoutARequest() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let follower = try harness.follower(MailBox())
            try await harness.serve(FeedPages.fillers(3), etag: "p1")
            let nightly = try WriterLock.acquire(databasePath: harness.context.store.path, pid: 4242)
            let skipped = await follower.poll()
            #expect(skipped.skipped?.contains("PID 4242") == true)
            #expect(try await harness.firstPageRequests().isEmpty)
            nightly.release()
            let next = await follower.poll()
            #expect(next.skipped == nil && next.newEntries == 3)
        }
    }

    @Test func withoutAMailCommandTheEventsArePrintedAsJSONAndStayPending() async throws {
        try await LoopbackServer.serving { server in
            let harness = try await FollowHarness.start(on: server)
            let request = FollowRequest(hours: EDGARHours(interval: 60), format: .json)
            let path = harness.context.store.path
            let follower = Follower(context: harness.context, request: request) { try WriterLock.acquire(databasePath: path) }
            try await harness.serve([FeedPages.metaLayoff], etag: "p1")
            let batch = await follower.poll()
            let output = try #require(batch.output)
            let events = try JSONDecoder().decode([EventJSON].self, from: Data(output.utf8))
            #expect(events.map(\.sourceRef) == [layoff])
            #expect(try harness.events(layoff).first?.deliveredAt == nil)
        }
    }
}
