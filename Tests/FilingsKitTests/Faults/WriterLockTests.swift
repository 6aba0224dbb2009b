import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

extension FaultSuite {
    /// One writer at a time: the lock file next to the database, its holder's PID, and takeover after a kill.
    @Suite(.serialized) struct WriterLockTests {
        @Test("a second holder is refused at once, naming the lock file and the holder's PID; after release it is free")
        func secondHolderIsRefused() throws {
            let db = try temporaryDirectory().appendingPathComponent("filings.sqlite").path
            let first = try WriterLock.acquire(databasePath: db)
            #expect(first.path == db + ".lock")
            #expect(try String(contentsOfFile: first.path, encoding: .utf8) == "\(getpid())\n")
            #expect(throws: WriterLockError.held(path: db + ".lock", pid: getpid())) { try WriterLock.acquire(databasePath: db) }
            let message = WriterLockError.held(path: db + ".lock", pid: 42).localizedDescription
            #expect(message.contains(db + ".lock") && message.contains("PID 42"))
            first.release()
            first.release()
            let again = try WriterLock.acquire(databasePath: db)
            again.release()
        }

        @Test("a lock file in a directory that cannot be created is a clear error naming it")
        func unusableLockFile() throws {
            let blocker = try temporaryDirectory().appendingPathComponent("file")
            try Data().write(to: blocker)
            let db = blocker.appendingPathComponent("filings.sqlite").path
            #expect {
                try WriterLock.acquire(databasePath: db)
            } throws: { error in
                guard case WriterLockError.unusable(let path, _) = error else { return false }
                return path == db + ".lock" && error.localizedDescription.contains("cannot use the lock file")
            }
        }
    }
}
