import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

@Suite(.serialized) struct CLITests {
    func runner(_ mirror: EDGARMirror, db: URL, userAgent: String? = EDGARMirror.userAgent) -> BinaryRunner {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": db.deletingLastPathComponent().path, "FILINGS_DB": db.path, "FILINGS_FEEDS": mirror.feedsDirectory.path]
        environment["FILINGS_USER_AGENT"] = userAgent
        return BinaryRunner(environment: environment)
    }

    @Test func watchSyncAndListAgainstALoopbackMirror() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
            let filings = runner(mirror, db: db)

            let watch = try await filings.run(["watch", "Meta"])
            #expect(watch.status == 0, "\(watch.stderr)")
            #expect(watch.stdout.contains("watching Meta Platforms, Inc. (CIK 1326801, META)"))
            #expect(watch.stdout.contains("FACEBOOK INC"))
            #expect(watch.stdout.contains("META MATERIALS"))

            let sync = try await filings.run(["sync", "--since", "2025-11-17", "--until", "2025-11-23"])
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(sync.stderr.contains("sec-edgar: ok, 4 fetched"))
            #expect(sync.stdout.isEmpty)

            let events = try await filings.run(["events", "Meta", "--json"])
            #expect(events.status == 0, "\(events.stderr)")
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
            #expect(decoded.count == 4)  // three from the history, one new
            let layoff = try #require(decoded.first { $0["sourceRef"] as? String == "0001628280-25-061001" })
            for field in ["company", "cik", "kind", "source", "sourceRef", "date", "url", "summary", "strength", "historical", "employees"] {
                #expect(layoff.keys.contains(field), "missing \(field)")
            }
            #expect(layoff["kind"] as? String == "layoff")
            #expect(layoff["source"] as? String == "sec-8k")
            #expect(layoff["historical"] as? Bool == false)
            #expect(layoff["employees"] as? Int == 600)
            #expect(layoff["strength"] as? String == "document-text")
            #expect(layoff["people"] is NSNull)  // not read for people: null, where a 5.02 reading gives a list

            let text = try await filings.run(["events", "META", "--kind", "layoff"])
            #expect(text.stdout.contains("2025-11-18  Meta Platforms, Inc.  layoff [document-text]"))
            #expect(text.stdout.contains("600 employees"))

            // The next sync learns the items of the 8-K that EDGAR's filing list did not show yet; the one after adds nothing.
            let again = try await filings.run(["sync", "--since", "2025-11-17", "--until", "2025-11-23"])
            #expect(again.status == 0)
            #expect(again.stderr.contains("4 unchanged, 3 without a file, 0 new records, 1 new events"))
            // The 8-K read on this sync is a 5.02 pay decision: its event carries `people`, a list that names nobody here.
            let pay = try await filings.run(["events", "Meta", "--kind", "compensation", "--json"])
            let paid = try #require(try JSONSerialization.jsonObject(with: Data(pay.stdout.utf8)) as? [[String: Any]])
            #expect(paid.count == 1)
            #expect((paid.first?["people"] as? [Any])?.isEmpty == true)
            let third = try await filings.run(["sync", "--since", "2025-11-17", "--until", "2025-11-23"])
            #expect(third.stderr.contains("0 new records, 0 new events"))

            let status = try await filings.run(["status"])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("sec-edgar (SEC EDGAR Form 8-K filings): ok"), "\(status.stdout)")
            #expect(status.stdout.contains("covers: 2025-11-17..2025-11-23"), "\(status.stdout)")

            let watches = try await filings.run(["watches", "--json"])
            #expect(watches.stdout.contains("\"cik\" : 1326801"))

            let records = try await filings.run(["records", "--source", "sec-8k", "--since", "2025-11-19", "--json"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(records.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 4)  // Amazon's 8-K and 8-K/A, Meta's 8-K of the 19th, Microsoft's of the 21st
            // A limit that leaves records out says so on stderr, with how to see them.
            let limited = try await filings.run(["records", "--source", "sec-8k", "--since", "2025-11-19", "--limit", "3", "--json"])
            #expect((try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [[String: Any]])?.count == 3)
            #expect(limited.stderr.contains("3 records shown, 1 more match"), "\(limited.stderr)")
            #expect(!records.stderr.contains("more match"))
            let unknown = try await filings.run(["records", "--source", "tx-warm"])
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("no source named tx-warm; known sources: sec-8k"), "\(unknown.stderr)")

            let unwatch = try await filings.run(["unwatch", "facebook"])
            #expect(unwatch.status == 0)
            #expect(try await filings.run(["watches"]).stdout.isEmpty)
            #expect(try await filings.run(["watches", "--json"]).stdout == "[]\n")
        }
    }

    @Test func failuresExitNonZeroWithOneClearLine() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")

            let noAgent = try await runner(mirror, db: db, userAgent: nil).run(["sync", "--since", "2025-11-17", "--until", "2025-11-17"])
            #expect(noAgent.status == 1)
            #expect(noAgent.stderr.contains("FILINGS_USER_AGENT"))

            await server.route("/files/company_tickers_exchange.json", .ok("{\"fields\":[\"cik\",\"name\",\"ticker\",\"exchange\"],\"data\":[[1784535,\"Meta Data Ltd\",\"AIU\",\"NYSE\"],[1431568,\"Meta Materials Holdings\",\"MMH\",null]]}"))
            let ambiguous = try await runner(mirror, db: db).run(["watch", "Materials"])
            #expect(ambiguous.status != 0)
            #expect(ambiguous.stderr.contains("--cik"))
            #expect(ambiguous.stderr.contains("1431567"))
            // One company by the words of its name resolves, and says how it matched.
            let byWords = try await runner(mirror, db: db).run(["watch", "Materials Holdings"])
            // (It exits 1 only because the mirror has no filing history for that company.)
            #expect(byWords.stderr.contains("no submissions file for CIK 1431568"), "\(byWords.stderr)")
            #expect(byWords.stdout.contains("matched by the words of \"Meta Materials Holdings\""), "\(byWords.stdout)")

            let badDate = try await runner(mirror, db: db).run(["sync", "--since", "2025-13-01"])
            #expect(badDate.status == 64)
            let future = try await runner(mirror, db: db).run(["check", "Meta", "--since", "2999-01-01"])
            #expect(future.status == 64)
            #expect(future.stderr.contains("--since 2999-01-01 is in the future"), "\(future.stderr)")
        }
    }

    /// With no --feeds and no FILINGS_FEEDS, the binary finds the package's Feeds/ from where it
    /// really lies, also when run through a symbolic link (as from ~/bin).
    @Test func theBuiltBinaryFindsItsFeedsUnnamedAndThroughALink() throws {
        let directory = try temporaryDirectory()
        let executable = try #require(BinaryRunner.executable)
        let link = directory.appendingPathComponent("filings")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: executable)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "FILINGS_DB": directory.appendingPathComponent("f.sqlite").path]
        for command in [executable.path, link.path] {
            let result = try ProcessRunner.run(command, ["watches"], environment: environment, directory: directory)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("Feeds"), "\(command): \(result.stderr)")
        }
    }

    @Test func libcurlIsLoadedByTheFirstFetchNotAtStart() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
            var filings = runner(mirror, db: db)
            // The dynamic loader names every library it loads, and who asked for it, on stderr.
            filings.environment["LD_DEBUG"] = "files"
            let offline = try await filings.run(["records", "--since", "2025-11-17"])
            #expect(offline.status == 0, "\(offline.stderr.suffix(2_000))")
            #expect(offline.stderr.contains("file=libsqlite3"), "LD_DEBUG printed nothing: \(offline.stderr.suffix(2_000))")
            #expect(!offline.stderr.contains("libcurl"))
            let sync = try await filings.run(["sync", "--since", "2025-11-17", "--until", "2025-11-23"])
            #expect(sync.status == 0, "\(sync.stderr.suffix(2_000))")
            let curl = sync.stderr.split(separator: "\n").filter { $0.contains("file=libcurl") }
            #expect(curl.contains { $0.contains("dynamically loaded") }, "\(curl)")
            #expect(!curl.contains { $0.contains("needed by") }, "\(curl)")
        }
    }

    @Test func versionIsPrinted() async throws {
        let result = try await BinaryRunner(environment: ["PATH": "/usr/bin:/bin"]).run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == FilingsVersion.current + "\n")
    }

    /// `check` stores what it fetches, so it waits its turn behind a writer (the nightly job) and says
    /// so; `check --offline` only reads and answers at once.
    @Test func checkWaitsForTheWriterAndOfflineDoesNot() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
            let filings = runner(mirror, db: db)
            let held = try WriterLock.acquire(databasePath: db.path)
            let offline = try await filings.run(["check", "1326801", "--since", "2025-11-17", "--until", "2025-11-23", "--offline"])
            #expect(offline.status == 0, "\(offline.stderr)")
            #expect(!offline.stderr.contains("waiting"))

            let online = Task { try await filings.run(["check", "1326801", "--since", "2025-11-17", "--until", "2025-11-23"]) }
            try await Task.sleep(nanoseconds: 1_500_000_000)
            let releasedAt = Date()
            held.release()
            let result = try await online.value
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("waiting for another filings run (PID \(getpid()))"), "\(result.stderr)")
            #expect(result.finishedAt > releasedAt)
        }
    }

    @Test func checkOfflineAnswersFromTheDatabaseWithoutAUserAgentOrNetwork() async throws {
        let db = try temporaryDirectory().appendingPathComponent("f.sqlite")
        let feeds = SharedData.packageRoot.appendingPathComponent("Feeds").path
        let runner = BinaryRunner(environment: ["PATH": "/usr/bin:/bin", "HOME": db.deletingLastPathComponent().path, "FILINGS_DB": db.path, "FILINGS_FEEDS": feeds])
        let result = try await runner.run(["check", "1326801", "--since", "2025-05-16", "--until", "2025-07-31", "--offline", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        // Online, the missing User-Agent and the unreachable hosts would each have said so here.
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        #expect(claims.map { $0["verdict"] as? String } == ["not-covered", "not-covered"])
        let notes = claims.flatMap { ($0["coverage"] as? [[String: Any]] ?? []).compactMap { $0["note"] as? String } }
        // Layoffs weigh EDGAR, WARN and ERM; departures EDGAR alone. States never read and those that
        // publish nothing are listed with the layoff claim, said as such.
        let read = notes.filter { !$0.hasPrefix("never read") && !$0.hasPrefix("does not publish") }
        #expect(read.count == 4 && read.allSatisfy { $0.contains("offline") }, "\(read)")
        #expect(notes.contains { $0.hasPrefix("does not publish: Wyoming") })
        #expect(notes.filter { $0.hasPrefix("never read") }.count >= 25)
    }

    /// New York's May 2026 notices say only "Meta": imported with the ticker map, `who` names the
    /// brand and its notices, `check` counts the 1,160, and the contractor "dba Meta" is never Meta's.
    @Test func whoAndCheckFindMetaByItsBrandAndNeverItsContractor() async throws {
        let dir = try temporaryDirectory()
        let db = dir.appendingPathComponent("f.sqlite")
        let feeds = SharedData.packageRoot.appendingPathComponent("Feeds").path
        let csv = dir.appendingPathComponent("ny.csv")
        let header = "Business Legal Name,Date Layoff/Closure Starts,Date of WARN Notice ,Date Posted,Impacted Site Address,Impacted Site County,Layoff or Closure?,Measure Names,Permanent or Temporary Layoff?,Index,Number of Affected Workers ,Number of Affected Workers"
        let rows = [
            "Meta,8/20/2026,5/20/2026,5/29/2026,\"770 Broadway  New York, NY, 10003\",New York,Layoff,# of Affected Workers,Permanent,1,389,389",
            "Meta,8/20/2026,5/20/2026,5/29/2026,\"415 10th Ave  New York, NY, 10001\",New York,Layoff,# of Affected Workers,Permanent,2,354,354",
            "Meta,8/20/2026,5/20/2026,5/29/2026,\"380 W. 33rd Street  New York, NY, 10001\",New York,Layoff,# of Affected Workers,Permanent,3,417,417",
            "\"ABM Industry Groups, LLC dba Meta\",8/1/2026,5/22/2026,5/30/2026,\"770 Broadway  New York, NY, 10003\",New York,Layoff,# of Affected Workers,Permanent,4,31,31",
        ]
        try ([header] + rows).joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
        let runner = BinaryRunner(environment: ["PATH": "/usr/bin:/bin", "HOME": dir.path, "FILINGS_DB": db.path, "FILINGS_FEEDS": feeds])
        let tickers = SharedData.packageRoot.appendingPathComponent("Tests/Fixtures/edgar/company_tickers.json").path
        for arguments in [["import", tickers], ["import", csv.path, "--source", "ny-warn"]] {
            let imported = try await runner.run(arguments)
            #expect(imported.status == 0, "\(imported.stderr)")
        }

        let who = try await runner.run(["who", "META", "--offline"])
        #expect(who.status == 0, "\(who.stderr)")
        #expect(who.stdout.contains("Meta  [brand"), "\(who.stdout)")
        #expect(who.stdout.contains("the ticker META is the first word of its name: 3 notices"), "\(who.stdout)")
        #expect(who.stdout.contains("other employers at its sites or under its name, never its layoffs (1 notice)"), "\(who.stdout)")

        let json = try await runner.run(["who", "META", "--offline", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["cik"] as? Int == 1_326_801)
        let names = try #require(object["names"] as? [[String: Any]])
        let brand = try #require(names.first { $0["basis"] as? String == "brand" })
        #expect((brand["notices"] as? [[String: Any]])?.compactMap { $0["employees"] as? Int }.reduce(0, +) == 1_160)
        #expect(names.allSatisfy { $0.keys.contains("from") && $0.keys.contains("to") })

        let check = try await runner.run(["check", "Meta", "--since", "2026-05-01", "--until", "2026-05-31", "--offline"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("layoffs: CONFIRMED"), "\(check.stdout)")
        #expect(check.stdout.contains("1160 employees at 3 New York sites"), "\(check.stdout)")
        #expect(check.stdout.contains("matched “Meta” as brand"), "\(check.stdout)")
        #expect(!check.stdout.contains("31 employees"), "\(check.stdout)")

        let records = try await runner.run(["records", "--company", "Meta", "--source", "ny-warn", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(records.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 3 && list.allSatisfy { $0["cik"] as? Int == 1_326_801 && ($0["linkedAs"] as? String)?.hasPrefix("brand") == true })
    }
}
