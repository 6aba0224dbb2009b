import Foundation

/// Spaces requests at least `interval` seconds apart, across every task that shares it.
///
/// Each caller reserves the next free slot and is told how long to wait for it; the waiting
/// happens outside the actor, so concurrent callers queue up in slots instead of bunching.
actor RateLimiter {
    let interval: TimeInterval
    private var nextFreeSlot: Date?

    init(requestsPerSecond: Double) {
        interval = 1 / requestsPerSecond
    }

    /// Reserves the earliest slot not before `now`; returns the seconds to wait until it.
    func reserveSlot(now: Date) -> TimeInterval {
        let slot = max(now, nextFreeSlot ?? now)
        nextFreeSlot = slot.addingTimeInterval(interval)
        return slot.timeIntervalSince(now)
    }
}
