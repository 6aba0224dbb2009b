import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

extension FaultSuite {
    /// The writer lock as a user meets it: every write command run as the built binary.
    @Suite(.serialized) struct WriterLockCLITests {
        @Test("every write command refuses to run while another run holds the lock; read commands still run")
        func writeCommandsRefuse() async throws {
            let db = try temporaryDirectory().appendingPathComponent("filings.sqlite")
            let filings = BinaryRunner(environment: FaultBench.environment(db: db, feeds: FaultBench.packageFeeds))
            let index = try temporaryDirectory().appendingPathComponent("master.idx")
            try FaultBench.quarterlyMaster(rows: 3, fileNumber: 1).write(to: index)
            let held = try WriterLock.acquire(databasePath: db.path)
            for command in [["sync", "--until", "2025-11-19"], ["import", index.path], ["watch", "1000001"], ["unwatch", "1000001"], ["digest", "--mark-sent"]] {
                let result = try await filings.run(command)
                #expect(result.status == 1, "\(command)")
                #expect(result.stderr.contains("holds the lock \(db.path).lock"), "\(command): \(result.stderr)")
                #expect(result.stderr.contains("PID \(getpid())"), "\(command): \(result.stderr)")
            }
            #expect(try await filings.run(["events"]).status == 0)
            #expect(try await filings.run(["digest"]).status == 0)
            held.release()
            let imported = try await filings.run(["import", index.path])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stderr.contains("3 stored"))
        }

        @Test("two imports started together: one runs, the other exits at once naming the lock; a killed holder's lock is taken over")
        func concurrentRunsAndTakeover() async throws {
            let dir = try temporaryDirectory()
            let db = dir.appendingPathComponent("filings.sqlite")
            let environment = FaultBench.environment(db: db, feeds: FaultBench.packageFeeds)
            let big = dir.appendingPathComponent("big.idx")
            try FaultBench.quarterlyMaster(rows: 5_000, fileNumber: 2).write(to: big)
            let executable = try #require(BinaryRunner.executable).path

            let one = try ProcessRunner.start(executable, ["import", big.path], environment: environment, directory: dir)
            let two = try ProcessRunner.start(executable, ["import", big.path], environment: environment, directory: dir)
            let results = [try await FaultBench.finish(one), try await FaultBench.finish(two)]
            let winners = results.filter { $0.status == 0 }
            let losers = results.filter { $0.status != 0 }
            #expect(winners.count == 1 && losers.count == 1, "\(results.map(\.stderr))")
            #expect(winners.first?.stderr.contains("5000 stored") == true, "\(winners.map(\.stderr))")
            let holder = results[0].status == 0 ? one.pid : two.pid
            #expect(losers.first?.stderr.contains("holds the lock \(db.path).lock") == true, "\(losers.map(\.stderr))")
            #expect(losers.first?.stderr.contains("PID \(holder)") == true, "\(losers.map(\.stderr))")

            // A holder killed with SIGKILL leaves its PID in the file, but the kernel dropped its lock: the next run proceeds.
            let otherDB = dir.appendingPathComponent("other.sqlite")
            var otherEnvironment = environment
            otherEnvironment["FILINGS_DB"] = otherDB.path
            let killed = try ProcessRunner.start(executable, ["import", big.path], environment: otherEnvironment, directory: dir)
            let lockFile = otherDB.path + ".lock"
            let locked = try await FaultBench.waitUntil(seconds: 10) {
                (try? String(contentsOfFile: lockFile, encoding: .utf8)) == "\(killed.pid)\n"
            }
            #expect(locked, "the third run never took the lock")
            kill(killed.pid, SIGKILL)
            _ = try await FaultBench.finish(killed)
            #expect(try String(contentsOfFile: lockFile, encoding: .utf8) == "\(killed.pid)\n")
            let next = try await BinaryRunner(environment: otherEnvironment).run(["import", big.path])
            #expect(next.status == 0, "\(next.stderr)")
            #expect(try Store(path: otherDB.path).filingCount() == 5_000)
        }
    }
}
