import ArgumentParser
import FilingsKit
import Foundation

struct FollowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow EDGAR's latest-filings feed and deliver a watched company's new 8-K events at once.",
        discussion: """
            Runs until stopped (SIGTERM or SIGINT finish the batch in hand, then exit 0). Each interval it reads \
            the feed back to the last entry seen, stores new 8-Ks, reads a watched company's filing and pipes \
            its events into --send, marking them delivered only when the command exits 0. Outside EDGAR's hours \
            (06:00-22:00 New York time, weekdays) it polls every 10 minutes.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Seconds between polls in EDGAR's hours (at least 10).") var interval: Int = 60
    @Option(help: "Pipe each batch's events into this shell command; mark them delivered only if it exits 0.") var send: String?
    @Option(help: "Recipient (repeatable; env FILINGS_TO, comma-separated).") var to: [String] = []
    @Option(help: "Sender (env FILINGS_FROM).") var from: String?
    @Option(help: "mail or json (default: mail with --send, else json).") var format: DigestFormat?
    @Flag(help: "One line to stderr per interval.") var verbose = false
    @Option(help: .hidden) var benchInterval: Double?
    @Option(help: .hidden) var maxPolls: Int?

    func validate() throws {
        if interval < Int(EDGARHours.shortest) {
            throw ValidationError(FollowError.intervalTooShort(seconds: Double(interval)).localizedDescription)
        }
        if let format, format == .text { throw ValidationError("--format is mail or json for follow") }
        if let benchInterval, benchInterval <= 0 { throw ValidationError("--bench-interval must be positive") }
        if let maxPolls, maxPolls < 1 { throw ValidationError("--max-polls must be at least 1") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let recipients = to.isEmpty ? (environment["FILINGS_TO"].map { [$0] } ?? []) : to
        let chosen = format ?? (send == nil ? .json : .mail)
        let addresses: [MailAddress]
        let sender: MailAddress?
        do {
            addresses = try recipients.flatMap { try MailAddress.list(parsing: $0) }
            sender = try (from ?? environment["FILINGS_FROM"]).map { try MailAddress(parsing: $0) }
        } catch {
            throw ValidationError(error.localizedDescription)
        }
        if chosen == .mail, addresses.isEmpty { throw ValidationError(DigestError.noRecipient.localizedDescription) }
        let context = try global.context()
        var hours = EDGARHours(interval: TimeInterval(interval))
        if let benchInterval {
            // Faster than SEC allows: only toward a mirror on this machine.
            let url = try Follower.pageURL(feed: try context.edgarFeed(), start: 0, count: 40)
            guard ["127.0.0.1", "localhost", "::1"].contains(url.host ?? "") else {
                throw ValidationError(FollowError.benchIntervalNotLoopback(url: url.absoluteString).localizedDescription)
            }
            hours = EDGARHours(interval: benchInterval, offHoursInterval: benchInterval)
        }
        let request = FollowRequest(hours: hours, format: chosen, to: addresses, from: sender, sendCommand: send)
        let databasePath = global.databasePath
        let follower = Follower(context: context, request: request) { try WriterLock.acquire(databasePath: databasePath) }
        let stop = StopSignal()
        let service = FollowService(
            follower: follower, hours: hours, now: context.now, log: Terminal.log, output: Terminal.print, verbose: verbose,
            pause: { seconds in await stop.pause(seconds) }, stopping: { stop.requested }, maxPolls: maxPolls)
        let listening = stop.listen()
        if verbose { Terminal.log("follow: following EDGAR's latest filings every \(FollowService.seconds(hours.interval)) in EDGAR's hours") }
        await service.run()
        if stop.requested, verbose { Terminal.log("follow: stopped") }
        withExtendedLifetime(listening) {}
    }
}

/// SIGTERM and SIGINT ask the service to stop after the batch in hand.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopping = false

    var requested: Bool { lock.withLock { stopping } }

    /// Starts listening for SIGTERM and SIGINT; keep the returned sources alive while listening.
    func listen() -> [DispatchSourceSignal] {
        [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in lock.withLock { stopping = true } }
            source.resume()
            return source
        }
    }

    /// Waits `seconds`, or less once a stop is asked for.
    func pause(_ seconds: TimeInterval) async {
        let end = Date().addingTimeInterval(seconds)
        while !requested, Date() < end {
            let left = end.timeIntervalSinceNow
            try? await Task.sleep(nanoseconds: UInt64(max(0, min(left, 0.1)) * 1_000_000_000))
        }
    }
}
