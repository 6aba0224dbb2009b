import Foundation

/// Fetches URLs politely: a declared User-Agent, a shared rate limit, conditional GET, bounded
/// retries, and the SEC's rate-limit ban honoured before any request is made.
///
/// Make one client per process and pass copies around: copies share one rate limiter and one ban record.
public struct HTTPClient: Sendable {
    /// How long an SEC rate-limit ban lasts (SEC: "limited for 10 minutes").
    public static let banDuration: TimeInterval = 600
    /// The most requests per second SEC allows; higher settings are clamped to it.
    public static let maxRequestsPerSecond: Double = 10
    /// A Retry-After longer than this ends the retries instead of being waited out.
    static let longestRetryAfter: TimeInterval = 60

    /// The I/O underneath.
    public let transport: HTTPTransport
    /// The declared User-Agent ("Name email"), if any.
    public let userAgent: String?
    /// Attempts per fetch, the first one included.
    public let maxAttempts: Int
    let limiter: RateLimiter
    let ban: BanRecord
    let sleep: @Sendable (Duration) async throws -> Void
    let now: @Sendable () -> Date
    let log: @Sendable (String) -> Void

    /// A client over `transport`; `requestsPerSecond` is clamped to 0.01...10, `maxAttempts` to at least 1.
    public init(
        transport: HTTPTransport,
        userAgent: String?,
        requestsPerSecond: Double = 5,
        maxAttempts: Int = 4,
        ban: BanRecord = .inMemory(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = Date.init,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.transport = transport
        self.userAgent = userAgent?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.maxAttempts = max(1, maxAttempts)
        self.limiter = RateLimiter(requestsPerSecond: min(max(requestsPerSecond, 0.01), Self.maxRequestsPerSecond))
        self.ban = ban
        self.sleep = sleep
        self.now = now
        self.log = log
    }

    /// Fetches `url`, sending `validators` for a conditional GET; `sec` marks a request to SEC,
    /// which needs a User-Agent and is refused while a rate-limit ban is in force.
    public func fetch(_ url: URL, expecting: Expectation, validators: Validators? = nil, sec: Bool) async throws -> FetchResult {
        try await fetch(url, expecting: expecting, kind: nil, validators: validators, sec: sec)
    }

    /// Fetches `url` as `fetch(_:expecting:validators:sec:)` does, reading at most `kind`'s cap: a
    /// longer body stops the transfer and throws `HTTPError.overCap`, which is not retried.
    public func fetch(_ url: URL, kind: BodyKind, validators: Validators? = nil, sec: Bool) async throws -> FetchResult {
        do {
            return try await fetch(url, expecting: kind.expectation, kind: kind, validators: validators, sec: sec)
        } catch HTTPError.tooLarge(let stopped, let limit) where limit == kind.cap {
            throw HTTPError.overCap(url: stopped, kind: kind)
        }
    }

    private func fetch(_ url: URL, expecting: Expectation, kind: BodyKind?, validators: Validators?, sec: Bool) async throws -> FetchResult {
        let request = HTTPRequest(url: url, headers: try headers(validators: validators, sec: sec), maxBodyBytes: kind?.cap)
        var attempt = 1
        while true {
            if sec { try refuseWhileBanned() }
            try await waitForTurn()
            let failure: HTTPError
            var retryAfter: TimeInterval?
            do {
                let response = try await transport.send(request)
                // The live transport stops at the cap; this holds it for any transport.
                if let kind, response.body.count > kind.cap { throw HTTPError.overCap(url: response.url, kind: kind) }
                if let result = try interpret(response, expecting: expecting, sec: sec) { return result }
                failure = .status(url: url, code: response.status)
                retryAfter = Self.retryAfter(response, now: now())
            } catch let error as HTTPError where error.isTransient {
                failure = error
            } catch let error where !(error is HTTPError) && !(error is CancellationError) {
                failure = .transport(url: url, reason: error.localizedDescription)
            }
            let delay = backoff(after: attempt, retryAfter: retryAfter)
            guard attempt < maxAttempts, let delay else { throw failure }
            log("\(failure.localizedDescription) Retrying in \(String(format: "%.1f", delay)) s (attempt \(attempt + 1) of \(maxAttempts)).")
            try await sleep(.seconds(delay))
            attempt += 1
        }
    }

    private func headers(validators: Validators?, sec: Bool) throws -> [String: String] {
        let declared = userAgent.flatMap { $0.isEmpty ? nil : $0 }
        if sec && declared == nil { throw HTTPError.noUserAgent }
        var headers = ["User-Agent": declared ?? "filings"]
        if let etag = validators?.etag { headers["If-None-Match"] = etag }
        if let lastModified = validators?.lastModified { headers["If-Modified-Since"] = lastModified }
        return headers
    }

    private func refuseWhileBanned() throws {
        if let until = ban.load(), until > now() {
            throw HTTPError.banned(until: until)
        }
    }

    private func waitForTurn() async throws {
        let wait = await limiter.reserveSlot(now: now())
        if wait > 0 { try await sleep(.seconds(wait)) }
    }

    /// The outcome of a response: a result, nil for a server error worth retrying, or a thrown error.
    private func interpret(_ response: HTTPResponse, expecting: Expectation, sec: Bool) throws -> FetchResult? {
        let url = response.url
        if sec && (response.status == 429 || Self.isRateLimitPage(response.body)) {
            let until = now().addingTimeInterval(Self.banDuration)
            ban.save(max(until, ban.load() ?? until))
            log("SEC rate limit hit at \(url.absoluteString); SEC requests stop until \(HTTPError.clockTime(until)).")
            throw HTTPError.rateLimited(url: url, until: until)
        }
        switch response.status {
        case 200..<300:
            if expecting.forbidsHTML && HTMLSniffer.isHTML(response.body) {
                throw HTTPError.errorPage(url: url, title: HTMLSniffer.title(response.body))
            }
            let validators = Validators(etag: response.headers["etag"], lastModified: response.headers["last-modified"])
            return .fetched(response.body, validators)
        case 304:
            return .notModified
        case 404:
            return .missing
        case 403 where Self.isAccessDenied(response.body):
            return .missing
        case let code where HTTPError.retriedStatuses.contains(code):
            return nil
        default:
            throw HTTPError.status(url: url, code: response.status)
        }
    }

    /// Seconds to wait before attempt `attempt + 1`: 1, 2, 4 … s (capped at 30) plus up to 50% jitter,
    /// or the server's Retry-After when longer; nil when the server asks for longer than we wait.
    private func backoff(after attempt: Int, retryAfter: TimeInterval?) -> TimeInterval? {
        if let retryAfter, retryAfter > Self.longestRetryAfter { return nil }
        let exponential = min(30, pow(2, Double(attempt - 1))) * Double.random(in: 1...1.5)
        return max(exponential, retryAfter ?? 0)
    }

    static func retryAfter(_ response: HTTPResponse, now: Date) -> TimeInterval? {
        guard let value = response.headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = TimeInterval(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSince(now)) }
    }

    /// SEC's "Request Rate Threshold Exceeded" page (its title), which arrives with 403, 503 or even 200.
    static func isRateLimitPage(_ body: Data) -> Bool {
        HTMLSniffer.isHTML(body) && body.prefix(65_536).range(of: Data("Request Rate Threshold Exceeded".utf8)) != nil
    }

    /// S3's answer for a key that does not exist (EDGAR's missing daily index): `<Code>AccessDenied</Code>`.
    static func isAccessDenied(_ body: Data) -> Bool {
        body.prefix(4096).range(of: Data("<Code>AccessDenied</Code>".utf8)) != nil
    }
}

extension Expectation {
    /// True when an HTML body cannot be the data asked for.
    var forbidsHTML: Bool {
        switch self {
        case .index, .json, .workbook, .pdf, .csv, .atom: return true
        case .html, .text: return false
        }
    }
}
