import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

extension FaultSuite {
    /// `kill -9` at random points of a long import: the database stays sound, each index file is stored whole
    /// or not at all, and the next run completes with every row exactly once.
    @Suite(.serialized) struct CrashSafetyTests {
        static let files = 8
        static let rowsPerFile = 600

        @Test("8 kills at seeded random points of a 4,800-row import of 8 files; integrity ok; each file all or nothing; then complete once")
        func killedImportsLeaveWholeFilesOnly() async throws {
            let dir = try temporaryDirectory()
            let db = dir.appendingPathComponent("filings.sqlite")
            let environment = FaultBench.environment(db: db, feeds: FaultBench.packageFeeds)
            let executable = try #require(BinaryRunner.executable).path
            var paths: [String] = []
            for number in 0..<Self.files {
                let url = dir.appendingPathComponent("master.\(number).idx")
                try FaultBench.quarterlyMaster(rows: Self.rowsPerFile, fileNumber: number).write(to: url)
                paths.append(url.path)
            }
            // A reference run into a scratch database measures how long the whole import takes here, so the kill
        // points spread over the run on any machine (the timing only chooses kill points; nothing asserts on it).
        var scratch = environment
        scratch["FILINGS_DB"] = dir.appendingPathComponent("scratch.sqlite").path
        let clock = ContinuousClock()
        let started = clock.now
        let reference = try await BinaryRunner(environment: scratch).run(["import"] + paths)
        #expect(reference.status == 0, "\(reference.stderr)")
        let duration = max(Int((clock.now - started) / .milliseconds(1)), 200)
        var random = SeededGenerator(seed: 0x5EC_0_2025)
            var killedMidRun = 0
            var wholeFilesAfterKill: [Int] = []
            for round in 0..<8 {
                let running = try ProcessRunner.start(executable, ["import"] + paths, environment: environment, directory: dir)
                try await Task.sleep(for: .milliseconds(Int.random(in: duration / 20...duration * 19 / 20, using: &random)))
                kill(running.pid, SIGKILL)
                let result = try await FaultBench.finish(running)
                if result.status == SIGKILL, running.process.terminationReason == .uncaughtSignal { killedMidRun += 1 }

                let store = try Store(path: db.path)
                #expect(try FaultBench.integrity(store) == "ok", "round \(round)")
                var whole = 0
                for path in paths {
                    let stored = try FaultBench.filingCount(store, source: path)
                    #expect(stored == 0 || stored == Self.rowsPerFile, "round \(round): \(path) holds \(stored) rows")
                    if stored == Self.rowsPerFile { whole += 1 }
                }
                wholeFilesAfterKill.append(whole)
            }
            #expect(killedMidRun > 0, "no kill landed while the import ran")

            let last = try await BinaryRunner(environment: environment).run(["import"] + paths)
            #expect(last.status == 0, "\(last.stderr)")
            let store = try Store(path: db.path)
            #expect(try FaultBench.integrity(store) == "ok")
            #expect(try store.filingCount() == Self.files * Self.rowsPerFile)
            for path in paths {
                #expect(try FaultBench.filingCount(store, source: path) == Self.rowsPerFile)
            }
            let again = try await BinaryRunner(environment: environment).run(["import"] + paths)
            #expect(again.stderr.components(separatedBy: " 0 stored").count - 1 == Self.files, "\(again.stderr)")
            print("crash safety: \(killedMidRun) of 8 kills landed mid-run; whole files stored after each kill: \(wholeFilesAfterKill)")
        }
    }
}
