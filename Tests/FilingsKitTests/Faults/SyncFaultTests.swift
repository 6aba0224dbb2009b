import Foundation
import Testing

@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

extension FaultSuite {
    /// Every way a daily index can fail, injected into a real sync over loopback: the day fails on its own,
    /// nothing of it is stored, the ledger says so, and the next sync fills the gap exactly once.
    @Suite(.serialized) struct SyncFaultTests {
        let since = Day("2025-11-17")
        let until = Day("2025-11-19")

        @Test("a failing daily index fails only its day, stores nothing of it, and the next sync fills it once", arguments: SyncFault.allCases)
        func faultyDayIsRetriedAndFilledOnce(_ fault: SyncFault) async throws {
            try await LoopbackServer.serving { server in
                let mirror = try await EDGARMirror.start(on: server)
                guard let reply = try fault.reply(path: FaultBench.faultPath) else { return }
                await server.route(FaultBench.faultPath, reply)
                let clock = TestClock("2025-11-20T17:00:00Z")
                let store = try FaultBench.freshStore()
                let context = try FaultBench.context(mirror, clock: clock, store: store, totalTimeout: fault == .slowDrip ? 1.5 : 30)
                let feed = try context.edgarFeed()
                let source = server.url(FaultBench.faultPath).absoluteString

                let first = await EDGARSync(context: context, feed: feed).run(since: since, until: until)
                let printed = SyncSummary.text([first])
                #expect(first.failed == (fault.ledgerStatus == .failed), "\(printed)")  // sync exits 1 exactly when a feed failed
                #expect(first.fetched.contains("2025-11-17"))
                #expect(try FaultBench.filingCount(store, source: source) == 0)
                let ledger = try #require(try store.ledgerEntry(feed: feed.id, unit: .isoDay("2025-11-18")))
                #expect(ledger.status == fault.ledgerStatus)
                #expect(ledger.rows == 0)
                if fault.ledgerStatus == .failed {
                    #expect(printed.contains("sec-edgar: FAILED"))
                    #expect(printed.contains("sec-edgar failed: 2025-11-18: "), "\(printed)")
                    #expect(printed.contains(fault.message), "\(printed)")
                    #expect(printed.contains("(retried next sync)"))
                    #expect(printed.split(separator: "\n").count == 2, "one summary line and one line for the day: \(printed)")
                } else {
                    #expect(first.missing.contains("2025-11-18"))
                    #expect(printed.hasPrefix("sec-edgar: ok"))
                }
                if fault.bans {
                    // No SEC request after the rate limit: the 19th is left for the next sync, and the ban is stored.
                    #expect(await server.requests(to: EDGARMirror.dailyPath("20251119")).isEmpty)
                    #expect(try store.ledgerEntry(feed: feed.id, unit: .isoDay("2025-11-19")) == nil)
                    let until = try #require(try store.setting(Store.banKey).flatMap(Double.init))
                    #expect(until == clock.now().timeIntervalSince1970 + HTTPClient.banDuration)
                    #expect(printed.contains("no SEC requests until"))
                } else {
                    #expect(first.fetched.contains("2025-11-19"))
                }

                // The server recovers; ten minutes and a second later the next sync fills the gap.
                await server.route(FaultBench.faultPath, .ok(try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx")))
                clock.advance(by: HTTPClient.banDuration + 1)
                let expected = try IndexIngest.filings(
                    from: try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx"), source: source, feed: feed, now: clock.now()
                ).filings.count
                // A missing (AccessDenied) past day is settled, so it is asked for again only when named.
                let second = await EDGARSync(context: context, feed: feed).run(since: fault == .accessDenied ? since : nil, until: until)
                #expect(second.failures == [], "\(second.failures)")
                #expect(second.fetched.contains("2025-11-18"))
                #expect(try FaultBench.filingCount(store, source: source) == expected)
                #expect(try store.ledgerEntry(feed: feed.id, unit: .isoDay("2025-11-18"))?.status == .ok)
                #expect(try store.ledgerEntry(feed: feed.id, unit: .isoDay("2025-11-19"))?.status == .ok)

                let total = try store.filingCount()
                let third = await EDGARSync(context: context, feed: feed).run(until: until)
                #expect(third.fetched.isEmpty && third.recordsStored == 0 && third.failures.isEmpty)
                #expect(try store.filingCount() == total)
                #expect(try FaultBench.filingCount(store, source: source) == expected)
            }
        }

        /// A day that fails again exactly as it failed before is a standing gap: listed and retried,
        /// but the night does not fail again; a different failure does; a success heals it.
        @Test("a failure seen again the same way is a standing gap, a changed one fails anew, a success heals it")
        func standingGaps() async throws {
            try await LoopbackServer.serving { server in
                let mirror = try await EDGARMirror.start(on: server)
                await server.route(FaultBench.faultPath, .status(500))
                let clock = TestClock("2025-11-20T17:00:00Z")
                let context = try FaultBench.context(mirror, clock: clock, store: try FaultBench.freshStore())
                let feed = try context.edgarFeed()
                let day = try #require(Day("2025-11-18"))
                let first = await EDGARSync(context: context, feed: feed).run(since: day, until: day)
                #expect(first.failed && first.standing.isEmpty)

                clock.advance(by: 86_400)
                let again = await EDGARSync(context: context, feed: feed).run(since: day, until: day)
                #expect(!again.failed, "\(again.failures)")
                #expect(again.standing.count == 1 && again.standing[0].hasPrefix("2025-11-18: "), "\(again.standing)")
                let printed = SyncSummary.text([again])
                #expect(printed.hasPrefix("sec-edgar: ok but for 1 standing gap"), "\(printed)")
                #expect(printed.contains("still failing as reported before: 2025-11-18: "), "\(printed)")

                await server.route(FaultBench.faultPath, .status(503))
                let changed = await EDGARSync(context: context, feed: feed).run(since: day, until: day)
                #expect(changed.failed && changed.standing.isEmpty, "a different failure is news")

                await server.route(FaultBench.faultPath, .ok(try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx")))
                let healed = await EDGARSync(context: context, feed: feed).run(since: day, until: day)
                #expect(!healed.failed && healed.healed == ["2025-11-18"])
                #expect(SyncSummary.text([healed]).contains("sec-edgar healed: 2025-11-18 stored after failing"))
            }
        }

        @Test("a daily index with corrupt rows: the good rows are stored, the bad ones counted with the first one's line")
        func corruptRowsInADailyIndex() async throws {
            try await LoopbackServer.serving { server in
                let mirror = try await EDGARMirror.start(on: server)
                var index = String(decoding: try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx"), as: UTF8.self)
                // Both bad rows are 8-K rows: the one reader sync shares with import reads only the rows it keeps.
                index += "1431567|CUT OFF|8-K\n|8-K|not-a-date|edgar/data/1/x.txt\n"
                await server.route(FaultBench.faultPath, .ok(Data(index.utf8)))
                let lines = LogLines()
                let clock = TestClock("2025-11-20T17:00:00Z")
                let context = try FaultBench.context(mirror, clock: clock, store: try FaultBench.freshStore(), log: { lines.append($0) })
                let report = await EDGARSync(context: context, feed: try context.edgarFeed()).run(since: Day("2025-11-18"), until: Day("2025-11-18"))
                #expect(report.failures.isEmpty && report.malformedRows == 2 && report.recordsStored == 2)
                #expect(SyncSummary.text([report]).contains("2 malformed rows skipped"))
                #expect(lines.lines.contains { $0.hasSuffix("master.20251118.idx: 2 malformed rows skipped (first: line 11: truncated row: fewer than 5 fields separated by |)") }, "\(lines.lines)")
            }
        }
    }
}
