import Foundation

/// The one test clock: code under test reads `now` and sleeps through `sleep`, which records the
/// duration and moves the clock forward (or not, when frozen); the test moves it by hand with
/// `advance`. Waits are asserted as requested durations, never as wall time.
package final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Double] = []
    private let frozen: Bool

    /// A clock at `start`; a frozen clock does not move when slept on.
    package init(start: Date = Date(timeIntervalSince1970: 1_782_000_000), frozen: Bool = false) {
        current = start
        self.frozen = frozen
    }

    /// A clock at an ISO 8601 instant such as `2025-11-20T17:00:00Z`.
    package convenience init(_ iso: String) {
        self.init(start: ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0))
    }

    /// The clock as the code under test reads it.
    package var now: @Sendable () -> Date { { [self] in lock.withLock { current } } }

    /// Every duration slept so far, in seconds, in order.
    package var sleeps: [Double] { lock.withLock { recorded } }

    /// Records a sleep and, unless frozen, advances the clock by it.
    package func sleep(_ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        lock.withLock {
            recorded.append(seconds)
            if !frozen { current.addTimeInterval(seconds) }
        }
    }

    /// Moves the clock forward, as time passing between runs.
    package func advance(by seconds: TimeInterval) {
        lock.withLock { current.addTimeInterval(seconds) }
    }
}
