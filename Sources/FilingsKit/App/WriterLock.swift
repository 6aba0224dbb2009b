import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the writer lock could not be taken.
public enum WriterLockError: LocalizedError, Equatable {
    /// Another live process holds the lock; `pid` is the one written in the lock file, when readable.
    case held(path: String, pid: Int32?)
    /// The lock file could not be created or locked.
    case unusable(path: String, reason: String)

    /// One line naming the lock file and what to do.
    public var errorDescription: String? {
        switch self {
        case .held(let path, let pid):
            let holder = pid.map { "PID \($0)" } ?? "PID unknown"
            return "another filings run (\(holder)) is writing to this database and holds the lock \(path); "
                + "wait for it to finish, then try again"
        case .unusable(let path, let reason):
            return "cannot use the lock file \(path): \(reason); check that the database directory is writable"
        }
    }
}

/// One writer at a time: an advisory `flock(2)` on `<database>.lock`, holding the PID of its owner.
///
/// The kernel drops the lock when the process ends, however it ends, so a lock left by a killed
/// run is simply taken by the next one; there is no stale-lock cleanup to get wrong.
/// The descriptor is opened close-on-exec, so a child (a `digest --send` mailer) never inherits it.
public final class WriterLock: @unchecked Sendable {
    /// The lock file, next to the database.
    public let path: String
    private let guardian = NSLock()
    private var descriptor: Int32?
    /// True when the lock was handed down by the process that holds it (the nightly script), whose PID stays in the file.
    private let handedDown: Bool

    private init(path: String, descriptor: Int32, handedDown: Bool = false) {
        self.path = path
        self.descriptor = descriptor
        self.handedDown = handedDown
    }

    /// The environment variable naming a descriptor, inherited from the parent, on which the parent
    /// holds this very lock: `cron/filings-nightly` takes the lock once for its whole run and hands it
    /// to each `filings` it starts, so the script and the binary keep one lock, not two.
    public static let inheritedDescriptorVariable = "FILINGS_LOCK_FD"

    deinit {
        release()
    }

    /// The lock file used for the database at `databasePath`.
    public static func lockPath(databasePath: String) -> String {
        databasePath + ".lock"
    }

    /// Takes the lock for the database at `databasePath` at once, or throws `WriterLockError.held` naming the holder.
    public static func acquire(databasePath: String, pid: Int32 = getpid()) throws -> WriterLock {
        let path = lockPath(databasePath: databasePath)
        if let inherited = inherited(path: path) { return inherited }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriterLockError.unusable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            // The holder writes its PID just after taking the lock: give it a moment before calling it unknown.
            var holder = readPID(descriptor)
            for _ in 0..<5 where holder == nil && failure == EWOULDBLOCK {
                usleep(20_000)
                holder = readPID(descriptor)
            }
            close(descriptor)
            if failure == EWOULDBLOCK { throw WriterLockError.held(path: path, pid: holder) }
            throw WriterLockError.unusable(path: path, reason: String(cString: strerror(failure)))
        }
        // Write, then cut: a reader never sees an empty file while a PID is on its way.
        let record = Array("\(pid)\n".utf8)
        _ = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        _ = ftruncate(descriptor, off_t(record.count))
        return WriterLock(path: path, descriptor: descriptor)
    }

    /// Takes the lock for the database at `databasePath`, waiting for a running writer to finish:
    /// for commands a person starts (`check`), which should wait their turn behind the nightly job
    /// rather than fail. `waiting` is told once, with the holder's PID, before the wait begins.
    public static func acquireWaiting(
        databasePath: String, pid: Int32 = getpid(), waiting: (WriterLockError) -> Void
    ) async throws -> WriterLock {
        var told = false
        while true {
            do {
                return try acquire(databasePath: databasePath, pid: pid)
            } catch let error as WriterLockError {
                guard case .held = error else { throw error }
                if !told {
                    waiting(error)
                    told = true
                }
                // Polled, not a blocking flock: a blocked thread could not be cancelled by ^C's task cancellation.
                try await Task.sleep(nanoseconds: 200_000_000)
            }
        }
    }

    /// The lock handed down on the descriptor `FILINGS_LOCK_FD` names, when that descriptor is open
    /// on this lock file and holds it (the same open file, so `flock` succeeds at once); nil otherwise.
    private static func inherited(path: String) -> WriterLock? {
        guard let text = ProcessInfo.processInfo.environment[inheritedDescriptorVariable], let handed = Int32(text), handed > 2 else {
            return nil
        }
        var held = stat()
        var file = stat()
        guard fstat(handed, &held) == 0, stat(path, &file) == 0, held.st_dev == file.st_dev, held.st_ino == file.st_ino,
            flock(handed, LOCK_EX | LOCK_NB) == 0
        else { return nil }
        // Ours alone from here: a mailer `digest --send` starts must not inherit the lock.
        let descriptor = fcntl(handed, F_DUPFD_CLOEXEC, 3)
        guard descriptor >= 0 else { return nil }
        close(handed)
        return WriterLock(path: path, descriptor: descriptor, handedDown: true)
    }

    /// Gives the lock up (also done when the value goes away or the process ends); calling it twice is harmless.
    public func release() {
        guardian.withLock {
            guard let descriptor else { return }
            // A lock handed down stays with the process that holds it, and so does its PID in the file.
            if handedDown {
                close(descriptor)
                self.descriptor = nil
                return
            }
            // Still holding the lock here, so no later holder's PID is erased.
            _ = ftruncate(descriptor, 0)
            close(descriptor)
            self.descriptor = nil
        }
    }

    /// The PID written in the lock file by its holder, if there is one.
    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
