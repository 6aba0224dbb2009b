import Foundation

/// `filings follow` as a service: a batch every interval until told to stop; a stop request lets the batch in hand finish.
public struct FollowService: Sendable {
    let follower: Follower
    let hours: EDGARHours
    let now: @Sendable () -> Date
    /// Diagnostics (stderr).
    let log: @Sendable (String) -> Void
    /// Rendered events when there is no mail command (stdout).
    let output: @Sendable (String) -> Void
    let verbose: Bool
    /// Waits up to the given seconds, returning early once `stopping` is true.
    let pause: @Sendable (TimeInterval) async -> Void
    let stopping: @Sendable () -> Bool
    /// Stop after this many batches (benchmarks and tests); nil runs until stopped.
    let maxPolls: Int?

    /// A service running `follower` on the schedule of `hours`.
    public init(
        follower: Follower, hours: EDGARHours, now: @escaping @Sendable () -> Date, log: @escaping @Sendable (String) -> Void,
        output: @escaping @Sendable (String) -> Void, verbose: Bool, pause: @escaping @Sendable (TimeInterval) async -> Void,
        stopping: @escaping @Sendable () -> Bool, maxPolls: Int? = nil
    ) {
        self.follower = follower
        self.hours = hours
        self.now = now
        self.log = log
        self.output = output
        self.verbose = verbose
        self.pause = pause
        self.stopping = stopping
        self.maxPolls = maxPolls
    }

    /// Polls until stopped; returns the number of batches run.
    @discardableResult
    public func run() async -> Int {
        var polls = 0
        while !stopping() {
            let started = now()
            let batch = await follower.poll()
            polls += 1
            // Polls start an interval apart (not an interval after the batch ended): a filing waits at most one interval.
            let delay = max(0, hours.delay(after: started) - now().timeIntervalSince(started))
            let next = "next poll in \(FollowService.seconds(delay))"
            if let text = batch.output { output(text) }
            for note in batch.notes { log("follow: \(note)") }
            for problem in batch.problems { log("follow: \(problem) (at \(Follower.easternTime(now())) ET); retrying in \(FollowService.seconds(delay))") }
            if verbose { log("follow: \(Follower.easternTime(now())) ET: \(batch.line); \(next)") }
            if let maxPolls, polls >= maxPolls { break }
            if stopping() { break }
            await pause(delay)
        }
        return polls
    }

    /// `60 s`, `0.5 s`.
    public static func seconds(_ value: TimeInterval) -> String {
        value >= 10 || value == value.rounded() ? "\(Int(value.rounded())) s" : String(format: "%.1f s", value)
    }
}
