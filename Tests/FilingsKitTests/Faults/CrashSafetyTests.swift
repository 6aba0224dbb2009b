import Foundation
import Testing

@testable import FilingsKit

/// `kill -9` at random points of a long import: the database stays sound, each index file is stored whole
/// or not at all, and the next run completes with every row exactly once.
@Suite(.serialized) struct CrashSafetyTests {
    static let files = 8
    static let rowsPerFile = 1_500

    @Test("8 kills at seeded random points of a 12,000-row import of 8 files; integrity ok; each file all or nothing; then complete once")
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
        var random = SeededGenerator(seed: 0x5EC_0_2025)
        var killedMidRun = 0
        var wholeFilesAfterKill: [Int] = []
        for round in 0..<8 {
            let running = try ProcessRunner.start(executable, ["import"] + paths, environment: environment, directory: dir)
            try await Task.sleep(for: .milliseconds(Int.random(in: 30...900, using: &random)))
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
