import FilingsModel
import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

extension FaultSuite {
    /// A state's health through the built `filings`: a body over its kind's cap, a kill in the middle
    /// of a state's sync, and a file that comes back with most of its rows gone.
    @Suite(.serialized) struct StateHealthCLITests {
        static let years = [2022, 2023, 2024, 2025]
        static let rowsPerFile = 600

        static func notices(_ store: Store, _ feed: String) throws -> [WarnNotice] {
            try store.warnNotices(source: Source(rawValue: feed))
        }

        @Test("a state page past the 16 MiB cap on a web page: exit 1 naming the cap, the URL and the feed file; nothing stored")
        func bodyOverTheCap() async throws {
            try await LoopbackServer.serving { server in
                let mirror = try StateFeedMirror.start(on: server)
                // 17 MiB of zeros in about 100 KB of gzip: the size on the wire says nothing of the size read.
                let bomb = GzipBomb.make(matches: (17 << 20) / 258)
                #expect(bomb.count < 200_000)
                await server.route(StateFeedMirror.waPath, .gzip(bomb, headers: ["Content-Type": "text/html"]))
                let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
                let filings = BinaryRunner(environment: mirror.environment(db: db))

                let night = try await filings.run(["sync", "--only", "wa-warn"])
                #expect(night.status == 1, "\(night.stderr)")
                let url = server.url(StateFeedMirror.waPath).absoluteString
                #expect(night.stderr.contains("wa-warn failed: \(url): \(url) sent more than 16 MiB, the cap on a web page; stopped, nothing was stored"), "\(night.stderr)")
                #expect(night.stderr.contains("Feeds/wa-warn.json"), "\(night.stderr)")
                #expect(await server.requests(to: StateFeedMirror.waPath).count == 1, "a body over the cap is not fetched again")
                let store = try Store(path: db.path)
                #expect(try Self.notices(store, "wa-warn").isEmpty)
                #expect(try store.ledgerEntry(feed: "wa-warn", unit: .file(url))?.status == .failed)

                // The page as it should be: stored, and the unit healed.
                await server.route(StateFeedMirror.waPath, .html(StateFeedMirror.waPage(rows: 3)))
                let healed = try await filings.run(["sync", "--only", "wa-warn"])
                #expect(healed.status == 0, "\(healed.stderr)")
                #expect(try Self.notices(store, "wa-warn").count == 3)
            }
        }

        @Test("kill -9 in the middle of a state's sync: integrity ok, each file all or nothing, the next night completes")
        func killedStateSync() async throws {
            try await LoopbackServer.serving { server in
                let mirror = try StateFeedMirror.start(on: server)
                await mirror.routeOhio(years: Self.years, rows: Self.rowsPerFile)
                let dir = try temporaryDirectory()
                let db = dir.appendingPathComponent("filings.sqlite")
                let environment = mirror.environment(db: db)
                let executable = try #require(BinaryRunner.executable).path
                let arguments = ["sync", "--only", "oh-warn"]

                // First kill: while the third file is on its way, after two files were stored.
                let third = StateFeedMirror.ohFile(Self.years[2])
                await server.route(third, .ok(StateFeedMirror.ohCSV(year: Self.years[2], rows: Self.rowsPerFile)).delayed(by: .seconds(30)))
                let running = try ProcessRunner.start(executable, arguments, environment: environment, directory: dir)
                let reached = try await FaultBench.waitUntilAsync(seconds: 60) { await !server.requests(to: third).isEmpty }
                #expect(reached, "the sync never asked for the third file")
                kill(running.pid, SIGKILL)
                _ = try await FaultBench.finish(running)
                #expect(running.process.terminationReason == .uncaughtSignal)
                var store = try Store(path: db.path)
                #expect(try FaultBench.integrity(store) == "ok")
                #expect(try Self.notices(store, "oh-warn").count == 2 * Self.rowsPerFile)

                // More kills at seeded points spread over a measured run (timing only chooses the points).
                await mirror.routeOhio(years: Self.years, rows: Self.rowsPerFile)
                var scratch = environment
                scratch["FILINGS_DB"] = dir.appendingPathComponent("scratch.sqlite").path
                let clock = ContinuousClock()
                let started = clock.now
                let reference = try await BinaryRunner(environment: scratch).run(arguments)
                #expect(reference.status == 0, "\(reference.stderr)")
                let duration = max(Int((clock.now - started) / .milliseconds(1)), 200)
                print("state crash safety: a whole sync of \(Self.years.count) files takes \(duration) ms here")
                var random = SeededGenerator(seed: 0x57A7E)
                for round in 0..<4 {
                    let again = try ProcessRunner.start(executable, arguments, environment: environment, directory: dir)
                    try await Task.sleep(for: .milliseconds(Int.random(in: duration / 20...duration * 19 / 20, using: &random)))
                    kill(again.pid, SIGKILL)
                    _ = try await FaultBench.finish(again)
                    store = try Store(path: db.path)
                    #expect(try FaultBench.integrity(store) == "ok", "round \(round)")
                    let stored = try Self.notices(store, "oh-warn")
                    for year in Self.years {
                        let count = stored.filter { $0.company.contains(" \(year)-") }.count
                        #expect(count == 0 || count == Self.rowsPerFile, "round \(round): \(year) holds \(count) rows")
                    }
                }

                let next = try await BinaryRunner(environment: environment).run(arguments)
                #expect(next.status == 0, "\(next.stderr)")
                store = try Store(path: db.path)
                #expect(try FaultBench.integrity(store) == "ok")
                #expect(try Self.notices(store, "oh-warn").count == Self.years.count * Self.rowsPerFile)
                let quiet = try await BinaryRunner(environment: environment).run(arguments)
                #expect(quiet.status == 0 && quiet.stderr.contains("oh-warn: ok, 0 fetched, \(Self.years.count) unchanged, 0 new records"), "\(quiet.stderr)")
                // The quiet night asked the page of links conditionally too, and read its links from the last read.
                #expect(await server.requests(to: StateFeedMirror.ohPage).last?.header("If-None-Match") == "\"oh-page-\(Self.years.count)\"")
            }
        }

        @Test("a state file that shrinks or comes back as a header alone is suspect: rows kept, file kept aside, said by sync and status --json")
        func shrunkenFiles() async throws {
            try await LoopbackServer.serving { server in
                let mirror = try StateFeedMirror.start(on: server)
                await server.route(StateFeedMirror.waPath, .html(StateFeedMirror.waPage(rows: 12)))
                await mirror.routeOhio(years: [2025], rows: 40)
                let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
                let filings = BinaryRunner(environment: mirror.environment(db: db))
                let first = try await filings.run(["sync"])
                #expect(first.status == 0, "\(first.stderr)")
                let store = try Store(path: db.path)
                #expect(try Self.notices(store, "wa-warn").count == 12 && Self.notices(store, "oh-warn").count == 40)

                // A bot wall's 200: Washington's table with its header alone, Ohio's file with 4 rows of 40.
                await server.route(StateFeedMirror.waPath, .html(StateFeedMirror.waPage(rows: 0)))
                await server.route(StateFeedMirror.ohFile(2025), .ok(StateFeedMirror.ohCSV(year: 2025, rows: 4), headers: ["ETag": "\"bot\""]))
                let second = try await filings.run(["sync"])
                #expect(second.status == 1, "\(second.stderr)")
                #expect(second.stderr.contains("wa-warn failed: \(server.url(StateFeedMirror.waPath).absoluteString): suspect: read 0 rows where the last good read had 12"), "\(second.stderr)")
                #expect(second.stderr.contains("oh-warn failed: \(server.url(StateFeedMirror.ohFile(2025)).absoluteString): suspect: read 4 rows where the last good read had 40"), "\(second.stderr)")
                #expect(try Self.notices(store, "wa-warn").count == 12 && Self.notices(store, "oh-warn").count == 40)
                let aside = SuspectFile(context: try FilingsContext.offline(store), feed: "oh-warn").asidePath(for: server.url(StateFeedMirror.ohFile(2025)).absoluteString)
                #expect(try Data(contentsOf: aside) == StateFeedMirror.ohCSV(year: 2025, rows: 4))
                #expect(second.stderr.contains("the file is kept at \(aside.path)"), "\(second.stderr)")

                let status = try await filings.run(["status", "--json"])
                #expect(status.status == 0, "\(status.stderr)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
                let sources = try #require(json["sources"] as? [[String: Any]])
                for feed in ["wa-warn", "oh-warn"] {
                    let source = try #require(sources.first { $0["feed"] as? String == feed })
                    let failing = try #require(source["failing"] as? [[String: Any]])
                    #expect(failing.count == 1 && failing.first?["status"] as? String == "suspect", "\(feed): \(failing)")
                    #expect((failing.first?["detail"] as? String)?.contains("the earlier read kept") == true)
                    #expect(source["rows"] as? Int == (feed == "wa-warn" ? 12 : 40))
                }
                let text = try await filings.run(["status"])
                #expect(text.stdout.contains("wa-warn (") && text.stdout.contains("1 failing (1 suspect: earlier rows kept)"), "\(text.stdout)")

                // The next night the same suspect read is a standing gap, not a new failure.
                let third = try await filings.run(["sync"])
                #expect(third.status == 0, "\(third.stderr)")
                #expect(third.stderr.contains("still failing as reported before"), "\(third.stderr)")
                #expect(try Self.notices(store, "wa-warn").count == 12 && Self.notices(store, "oh-warn").count == 40)
            }
        }
    }
}
