import Foundation
@testable import FilingsHTTP

/// A test clock for `HTTPClient`: `now` reads it, `sleep` records the duration and moves it forward
/// (or not, when frozen), so waits are asserted as requested durations, never as wall time.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Double] = []
    private let frozen: Bool

    /// A clock at `start`; a frozen clock does not move when slept on.
    init(start: Date = Date(timeIntervalSince1970: 1_782_000_000), frozen: Bool = false) {
        current = start
        self.frozen = frozen
    }

    /// The current fake time.
    var now: Date { lock.withLock { current } }

    /// Every duration slept so far, in seconds, in order.
    var sleeps: [Double] { lock.withLock { recorded } }

    /// Records a sleep and, unless frozen, advances the clock by it.
    func sleep(_ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        lock.withLock {
            recorded.append(seconds)
            if !frozen { current.addTimeInterval(seconds) }
        }
    }

    /// Moves the clock forward, as time passing between runs.
    func advance(by seconds: TimeInterval) {
        lock.withLock { current.addTimeInterval(seconds) }
    }
}
