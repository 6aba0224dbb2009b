import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// A state feed synced over loopback: the shipped `Feeds/wa-warn.json`, its address pointed at a
/// page of ours laid out like Washington ESD's grid.
@Suite(.serialized) struct StateWarnSyncTests {
    static let path = "/esd/file/WARN/Public/SearchWARN.aspx"

    /// ESD's grid: a pager table nested above the header, then one row per notice.
    static func page(_ rows: [(company: String, location: String, start: String, workers: String, kind: String, received: String)], header: String = "Company") -> String {
        let body = rows.map { row in
            "<tr><td>\(row.company)</td><td>\(row.location)</td><td>\(row.start)</td><td>\(row.workers)</td><td>\(row.kind)</td><td>Permanent</td><td>\(row.received)</td></tr>"
        }.joined(separator: "\n")
        return """
            <html><body><table id="ucPSW_gvMain">
            <tr class="pager"><td colspan="7"><table><tr><td><span>1</span></td><td><a href="javascript:__doPostBack('ucPSW$gvMain','Page$2')">2</a></td></tr></table></td></tr>
            <tr><th scope="col">\(header)</th><th scope="col">Location</th><th scope="col">Layoff Start Date</th><th scope="col"># of Workers</th><th scope="col">Closure Layoff</th><th scope="col">Type of Layoff</th><th scope="col">Received Date</th></tr>
            \(body)
            </table></body></html>
            """
    }

    static let rows = [
        (company: "Meta Platforms, Inc.", location: "Bellevue", start: "12/22/2025", workers: "101", kind: "Layoff", received: "10/23/2025"),
        (company: "Compass Group USA at Facebook", location: "Redmond", start: "12/31/2025", workers: "54", kind: "Layoff", received: "10/27/2025"),
        (company: "Cascade Orchards LLC", location: "Wenatchee", start: "11/30/2025", workers: "75", kind: "Closure", received: "10/01/2025"),
    ]

    /// A watched Meta and the shipped WA feed pointed at the loopback page.
    func setUp(_ server: LoopbackServer, clock: TestClock) async throws -> (FilingsContext, FeedDefinition) {
        let mirror = try await EDGARMirror.start(on: server)
        var feed = try FeedCatalog(directory: SharedData.packageRoot.appendingPathComponent("Feeds").path).feed(id: "wa-warn")
        feed.urls["data"] = server.url(Self.path).absoluteString
        try JSONEncoder().encode(feed).write(to: mirror.feedsDirectory.appendingPathComponent("wa-warn.json"))
        let context = try mirror.context(now: clock.now)
        _ = try await Watcher(context: context).watch("Meta")
        return (context, try context.feeds.feed(id: "wa-warn"))
    }

    @Test func washingtonNoticesAreStoredAttributedAndReadOnceUntilChanged() async throws {
        try await LoopbackServer.serving { server in
            await server.route(Self.path, .ok(Self.page(Self.rows), headers: ["ETag": "\"wa1\"", "Content-Type": "text/html"]))
            let clock = TestClock("2025-11-03T12:00:00Z")
            let (context, feed) = try await setUp(server, clock: clock)
            let report = await StateWarnSync(context: context, feed: feed).run()
            #expect(report.failures == [])
            #expect(report.recordsStored == 3)
            let stored = try context.store.warnNotices(source: Source(rawValue: "wa-warn"))
            #expect(stored.count == 3 && stored.allSatisfy { $0.source.rawValue == "wa-warn" })
            let meta = try #require(stored.first { $0.company == "Meta Platforms, Inc." })
            #expect(meta.receivedDate == "2025-10-23" && meta.effectiveDate == "2025-12-22" && meta.employees == 101 && meta.city == "Bellevue")
            #expect(meta.temporary == false)

            let events = try context.store.events(EventQuery(cik: 1326801)).filter { $0.source.rawValue == "wa-warn" }
            let layoff = try #require(events.first { $0.kind == .layoff })
            #expect(layoff.employees == 101 && layoff.date == "2025-10-23")
            #expect(layoff.summary.contains("1 Washington site (Bellevue)"))
            // Someone else's employees at Meta's site: labelled, never Meta's layoff.
            let contractor = try #require(events.first { $0.kind == .other })
            #expect(contractor.summary.hasPrefix("contractor's WARN notice"))

            // The state's current list speaks for the days up to the read.
            let ledger = try #require(try context.store.ledger(feed: "wa-warn").first)
            #expect(ledger.coversFrom == "2025-10-01" && ledger.coversUntil == "2025-11-03")
            let again = await StateWarnSync(context: context, feed: feed).run()
            #expect(again.unchanged.count == 1 && again.recordsStored == 0)
            let requests = await server.requests.filter { $0.path == Self.path }
            #expect(requests.last?.header("If-None-Match") == "\"wa1\"")
        }
    }

    @Test func aPageThatChangedItsColumnsFailsNamingTheFeedFileThenStandsAsAGap() async throws {
        try await LoopbackServer.serving { server in
            await server.route(Self.path, .ok(Self.page(Self.rows, header: "Employer Legal Name"), headers: ["Content-Type": "text/html"]))
            let clock = TestClock("2025-11-03T12:00:00Z")
            let (context, feed) = try await setUp(server, clock: clock)
            let first = await StateWarnSync(context: context, feed: feed).run()
            #expect(first.failures.count == 1)
            #expect(first.failures.first?.contains("Feeds/wa-warn.json") == true, "\(first.failures)")
            #expect(try context.store.warnNotices(source: Source(rawValue: "wa-warn")).isEmpty)
            // The next nights: the same failure, already reported, is a standing gap, not a new failure.
            for _ in 0..<2 {
                clock.advance(by: 86_400)
                let night = await StateWarnSync(context: context, feed: feed).run()
                #expect(night.failures == [] && night.standing.count == 1)
            }
        }
    }

    @Test func aMovedPageSaysWhichFeedFileToEdit() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-11-03T12:00:00Z")
            let (context, feed) = try await setUp(server, clock: clock)
            let report = await StateWarnSync(context: context, feed: feed).run()
            #expect(report.failures.count == 1)
            #expect(report.failures.first?.contains("update Feeds/wa-warn.json") == true, "\(report.failures)")
        }
    }
}
