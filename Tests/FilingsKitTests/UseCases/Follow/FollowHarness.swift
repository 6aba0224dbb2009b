import Foundation

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// A mail command that records each message and answers with scripted exit statuses (the last repeating).
final class MailBox: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int32]
    private var received: [String] = []

    init(statuses: [Int32] = [0]) {
        self.statuses = statuses
    }

    var messages: [String] { lock.withLock { received } }

    var mailer: Mailer {
        Mailer { [self] _, message in
            lock.withLock {
                received.append(String(decoding: message, as: UTF8.self))
                return statuses.count > 1 ? statuses.removeFirst() : (statuses.first ?? 0)
            }
        }
    }
}

/// Meta watched on the loopback EDGAR mirror, at 16:20 New York time on Tuesday 2025-11-18, and a feed to serve.
struct FollowHarness {
    let server: LoopbackServer
    let mirror: EDGARMirror
    let clock: TestClock
    let context: FilingsContext
    let feed: FeedDefinition

    static func start(on server: LoopbackServer, watchMeta: Bool = true) async throws -> FollowHarness {
        let mirror = try await EDGARMirror.start(on: server)
        let clock = TestClock("2025-11-18T21:20:00Z")
        let context = try mirror.context(now: clock.now)
        if watchMeta { _ = try await Watcher(context: context).watch("Meta") }
        return FollowHarness(server: server, mirror: mirror, clock: clock, context: context, feed: try context.edgarFeed())
    }

    /// A follower mailing to `jane@example.com` through `mail`.
    func follower(_ mail: MailBox, format: DigestFormat = .mail, maxPages: Int = 3) throws -> Follower {
        let request = FollowRequest(
            hours: EDGARHours(interval: 60), format: format, to: [try MailAddress(parsing: "jane@example.com")], sendCommand: "sendmail -t",
            maxPages: maxPages)
        let path = context.store.path
        return Follower(context: context, request: request, mailer: mail.mailer, hostName: "test.example") {
            try WriterLock.acquire(databasePath: path)
        }
    }

    /// Serves `entries` as the feed's first page (with an ETag, so an unchanged page answers 304).
    func serve(_ entries: [FeedPages.Entry], etag: String, start: Int = 0) async throws {
        await server.route(try FeedPages.target(feed: feed, start: start), .ok(FeedPages.page(entries), headers: ["ETag": "\"\(etag)\""]))
    }

    /// Requests made for the first page so far.
    func firstPageRequests() async throws -> [LoopbackServer.RecordedRequest] {
        await server.requests(to: try FeedPages.target(feed: feed, start: 0))
    }

    /// Stored non-historical events of one filing.
    func events(_ accession: String) throws -> [Event] {
        try context.store.events(EventQuery(includeHistorical: false)).filter { $0.sourceRef == accession }
    }
}
