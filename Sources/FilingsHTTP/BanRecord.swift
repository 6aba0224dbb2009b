import Foundation

/// Where the end of an SEC rate-limit ban is kept, so every fetch (and the next run) honours it.
///
/// The in-memory record lives as long as the value; the store provides one that survives the process.
public struct BanRecord: Sendable {
    /// The end of the current or last ban, if one was ever recorded.
    public var load: @Sendable () -> Date?
    /// Records a new end of ban.
    public var save: @Sendable (Date) -> Void

    /// A record backed by the given closures.
    public init(load: @escaping @Sendable () -> Date?, save: @escaping @Sendable (Date) -> Void) {
        self.load = load
        self.save = save
    }

    /// A record held in memory, shared by every copy of the returned value.
    public static func inMemory() -> BanRecord {
        let box = LockedDate()
        return BanRecord(load: { box.value }, save: { box.value = $0 })
    }
}

/// A date behind a lock: `Mutex` needs macOS 15 and the package supports macOS 14.
private final class LockedDate: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Date?

    var value: Date? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
