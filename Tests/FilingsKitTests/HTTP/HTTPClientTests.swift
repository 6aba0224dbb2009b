import FilingsKit
import Foundation
import Testing
@testable import FilingsHTTP
@testable import FilingsTestSupport

/// The client's policy over a real loopback server: User-Agent, rate limit, retries, conditional GET,
/// "missing" answers and HTML error pages.
@Suite("HTTP client policy")
struct HTTPClientTests {
    @Test("the declared User-Agent goes with every request, SEC or not")
    func userAgentSent() async throws {
        let client = makeTestClient(clock: TestClock())
        try await LoopbackServer.serving { server in
            await server.route("/a", .ok("a"))
            _ = try await client.fetch(server.url("/a"), expecting: .text, sec: true)
            _ = try await client.fetch(server.url("/a"), expecting: .text, sec: false)
            let agents = await server.requests(to: "/a").map { $0.header("User-Agent") }
            #expect(agents == [testUserAgent, testUserAgent])
        }
    }

    @Test("an SEC fetch without a User-Agent is refused before any request", arguments: [nil, "", "   "])
    func refusesWithoutUserAgent(userAgent: String?) async throws {
        let client = makeTestClient(clock: TestClock(), userAgent: userAgent)
        try await LoopbackServer.serving { server in
            await server.route("/a", .ok("a"))
            await #expect(throws: HTTPError.noUserAgent) {
                try await client.fetch(server.url("/a"), expecting: .index, sec: true)
            }
            #expect(await server.requests.isEmpty)
            let message = HTTPError.noUserAgent.localizedDescription
            #expect(message.contains("FILINGS_USER_AGENT") && message.contains("--user-agent"))
            #expect(message.contains("\"Your Name you@example.com\""))
            // Other sites do not require one; a generic agent is sent.
            let generic = try await client.fetch(server.url("/a"), expecting: .text, sec: false)
            #expect(generic == .fetched(Data("a".utf8), Validators()))
            #expect(await server.requests.first?.header("User-Agent") == "filings")
        }
    }

    @Test("requests are spaced 1/rps apart, across copies of the client, retries included")
    func rateLimitSpacing() async throws {
        let clock = TestClock(frozen: true)
        let client = makeTestClient(clock: clock, requestsPerSecond: 4)
        let copy = client
        try await LoopbackServer.serving { server in
            await server.route("/a", .ok("a"))
            _ = try await client.fetch(server.url("/a"), expecting: .text, sec: true)
            _ = try await copy.fetch(server.url("/a"), expecting: .text, sec: true)
            _ = try await client.fetch(server.url("/a"), expecting: .text, sec: false)
            // The clock is frozen, so each request waits for its reserved slot: 0.25 s, 0.5 s after the first.
            #expect(clock.sleeps == [0.25, 0.5])
            #expect(await server.requests(to: "/a").count == 3)

            // A retry takes a slot too: 0.75 s for the first attempt, the backoff, then 1 s for the retry.
            await server.route("/flaky", .status(503), .ok("b"))
            _ = try await copy.fetch(server.url("/flaky"), expecting: .text, sec: true)
            let sleeps = clock.sleeps
            try #require(sleeps.count == 5)
            #expect(sleeps[2] == 0.75 && sleeps[4] == 1.0)
            #expect((1.0...1.5).contains(sleeps[3]))
        }
    }

    @Test("concurrent fetches each get their own slot")
    func concurrentFetchesQueue() async throws {
        let clock = TestClock(frozen: true)
        let client = makeTestClient(clock: clock, requestsPerSecond: 5)
        try await LoopbackServer.serving { server in
            await server.route("/a", .ok("a"))
            try await withThrowingTaskGroup(of: FetchResult.self) { group in
                for _ in 0..<5 {
                    group.addTask { try await client.fetch(server.url("/a"), expecting: .text, sec: true) }
                }
                try await group.waitForAll()
            }
            let waits = clock.sleeps.sorted().map { ($0 * 1000).rounded() }
            #expect(waits == [200, 400, 600, 800])
            #expect(await server.requests(to: "/a").count == 5)
        }
    }

    @Test("more than 10 requests per second is clamped to 10")
    func rateClamped() async throws {
        let clock = TestClock(frozen: true)
        let client = makeTestClient(clock: clock, requestsPerSecond: 50)
        try await LoopbackServer.serving { server in
            await server.route("/a", .ok("a"))
            for _ in 0..<3 { _ = try await client.fetch(server.url("/a"), expecting: .text, sec: true) }
            #expect(clock.sleeps.map { ($0 * 1000).rounded() } == [100, 200])
        }
    }

    @Test("503s are retried with growing, jittered backoff until an answer arrives")
    func retriesServerErrors() async throws {
        let clock = TestClock()
        let log = LogLines()
        let client = makeTestClient(clock: clock, log: log.append)
        try await LoopbackServer.serving { server in
            await server.route("/flaky", .status(503), .status(502), .ok("finally"))
            let result = try await client.fetch(server.url("/flaky"), expecting: .text, sec: true)
            #expect(result == .fetched(Data("finally".utf8), Validators()))
            #expect(await server.requests(to: "/flaky").count == 3)
            let sleeps = clock.sleeps
            try #require(sleeps.count == 2)
            #expect((1.0...1.5).contains(sleeps[0]))
            #expect((2.0...3.0).contains(sleeps[1]))
            #expect(log.lines.count == 2)
            #expect(log.lines.first?.contains("HTTP 503") == true && log.lines.first?.contains("attempt 2 of 4") == true)
        }
    }

    @Test("server errors end after maxAttempts with the status and URL")
    func retriesAreBounded() async throws {
        let client = makeTestClient(clock: TestClock(), maxAttempts: 3)
        try await LoopbackServer.serving { server in
            await server.route("/down", .status(500))
            let url = server.url("/down")
            await #expect(throws: HTTPError.status(url: url, code: 500)) {
                try await client.fetch(url, expecting: .json, sec: true)
            }
            #expect(await server.requests(to: "/down").count == 3)
        }
    }

    @Test("a short Retry-After is waited out; a long one ends the retries")
    func retryAfter() async throws {
        let clock = TestClock()
        let client = makeTestClient(clock: clock)
        try await LoopbackServer.serving { server in
            await server.route("/soon", .status(503, headers: ["Retry-After": "7"]), .ok("ok"))
            _ = try await client.fetch(server.url("/soon"), expecting: .text, sec: true)
            #expect(clock.sleeps == [7])

            // The HTTP-date form: 20 s after the (fake) current time.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = formatter.string(from: clock.now().addingTimeInterval(20))
            await server.route("/dated", .status(503, headers: ["Retry-After": date]), .ok("ok"))
            _ = try await client.fetch(server.url("/dated"), expecting: .text, sec: true)
            #expect((19.0...20.0).contains(clock.sleeps.last ?? 0), "whole seconds: the date drops the fraction")

            await server.route("/later", .status(503, headers: ["Retry-After": "3600"]))
            let url = server.url("/later")
            await #expect(throws: HTTPError.status(url: url, code: 503)) {
                try await client.fetch(url, expecting: .text, sec: true)
            }
            #expect(await server.requests(to: "/later").count == 1)
        }
    }

    @Test("4xx answers are not retried", arguments: [400, 401, 403, 410])
    func noRetryOnClientErrors(code: Int) async throws {
        let client = makeTestClient(clock: TestClock())
        try await LoopbackServer.serving { server in
            await server.route("/x", .status(code, Data("no".utf8)))
            let url = server.url("/x")
            await #expect(throws: HTTPError.status(url: url, code: code)) {
                try await client.fetch(url, expecting: .json, sec: true)
            }
            #expect(await server.requests(to: "/x").count == 1)
        }
    }

    @Test("404 and S3's 403 AccessDenied mean the file is missing, asked once")
    func missing() async throws {
        let accessDenied = try SharedData.fixture("http/access-denied.xml")
        let client = makeTestClient(clock: TestClock())
        try await LoopbackServer.serving { server in
            await server.route("/daily-index/form.20250104.idx", .status(403, accessDenied, headers: ["Content-Type": "application/xml"]))
            await server.route("/submissions/CIK0000000001.json", .status(404))
            let missingIndex = try await client.fetch(server.url("/daily-index/form.20250104.idx"), expecting: .index, sec: true)
            #expect(missingIndex == .missing)
            let missingSubmissions = try await client.fetch(server.url("/submissions/CIK0000000001.json"), expecting: .json, sec: true)
            #expect(missingSubmissions == .missing)
            #expect(await server.requests.count == 2)
        }
    }

    @Test("conditional GET: validators come back from the response and a 304 is notModified")
    func conditionalGet() async throws {
        let client = makeTestClient(clock: TestClock())
        let etag = "\"d86204d4b656fe3d\""
        let lastModified = "Sat, 27 Jun 2026 07:04:08 GMT"
        try await LoopbackServer.serving { server in
            await server.route("/form.gz", .ok("index bytes", headers: ["ETag": etag, "Last-Modified": lastModified]))
            let first = try await client.fetch(server.url("/form.gz"), expecting: .index, sec: true)
            let validators = Validators(etag: etag, lastModified: lastModified)
            #expect(first == .fetched(Data("index bytes".utf8), validators))

            let second = try await client.fetch(server.url("/form.gz"), expecting: .index, validators: validators, sec: true)
            #expect(second == .notModified)
            let sent = try #require(await server.requests(to: "/form.gz").last)
            #expect(sent.header("If-None-Match") == etag)
            #expect(sent.header("If-Modified-Since") == lastModified)

            // Last-Modified alone works too, and a stale one gets the new bytes.
            await server.route("/workbook", .ok("xlsx", headers: ["Last-Modified": lastModified]))
            let unchanged = try await client.fetch(server.url("/workbook"), expecting: .text, validators: Validators(lastModified: lastModified), sec: false)
            #expect(unchanged == .notModified)
            let stale = Validators(lastModified: "Fri, 26 Jun 2026 07:04:08 GMT")
            let changed = try await client.fetch(server.url("/workbook"), expecting: .text, validators: stale, sec: false)
            #expect(changed == .fetched(Data("xlsx".utf8), Validators(lastModified: lastModified)))
        }
    }

    @Test("an HTML 200 where data is expected is an error page", arguments: [FilingsHTTP.Expectation.index, .json, .workbook, .pdf, .csv])
    func htmlIsErrorPage(expecting: FilingsHTTP.Expectation) async throws {
        let client = makeTestClient(clock: TestClock())
        let page = "\n  <!DOCTYPE html>\n<html><head><title>\n SEC.gov | Your Request Originates from an Undeclared Automated Tool\n</title></head><body>x</body></html>"
        try await LoopbackServer.serving { server in
            // Sniffed from the bytes: a lying Content-Type does not hide the page.
            await server.route("/data", .ok(page, headers: ["Content-Type": "application/octet-stream"]))
            let url = server.url("/data")
            let title = "SEC.gov | Your Request Originates from an Undeclared Automated Tool"
            await #expect(throws: HTTPError.errorPage(url: url, title: title)) {
                try await client.fetch(url, expecting: expecting, sec: true)
            }
            let message = HTTPError.errorPage(url: url, title: title).localizedDescription
            #expect(message.contains(url.absoluteString) && message.contains(title) && message.contains("nothing was stored"))
        }
    }

    @Test("HTML is data where HTML or text is expected, and non-HTML is data whatever its Content-Type")
    func htmlIsDataForPages() async throws {
        let client = makeTestClient(clock: TestClock())
        let page = "<html><head><title>Form 8-K</title></head></html>"
        let json = #"{"cik":"0000789019"}"#
        try await LoopbackServer.serving { server in
            await server.route("/8k.htm", .html(page))
            await server.route("/cik.json", .ok(json, headers: ["Content-Type": "text/html"]))
            for expecting in [FilingsHTTP.Expectation.html, .text] {
                let fetchedPage = try await client.fetch(server.url("/8k.htm"), expecting: expecting, sec: true)
                #expect(fetchedPage == .fetched(Data(page.utf8), Validators()))
            }
            let data = try await client.fetch(server.url("/cik.json"), expecting: .json, sec: true)
            #expect(data == .fetched(Data(json.utf8), Validators()))
        }
    }

    @Test("gzip bodies reach the caller decoded")
    func gzipThroughClient() async throws {
        let plain = try SharedData.fixture("http/master-excerpt.idx")
        let client = makeTestClient(clock: TestClock())
        try await LoopbackServer.serving { server in
            await server.route("/master.idx", .gzip(try SharedData.fixture("http/master-excerpt.idx.gz"), headers: ["ETag": "\"g1\""]))
            let decoded = try await client.fetch(server.url("/master.idx"), expecting: .index, sec: true)
            #expect(decoded == .fetched(plain, Validators(etag: "\"g1\"")))
        }
    }

    @Test("transport failures are retried, then reported with the URL", arguments: ["reset", "truncated"])
    func transportFailuresRetried(fault: String) async throws {
        let clock = TestClock()
        let client = makeTestClient(clock: clock, maxAttempts: 3)
        let reply: LoopbackServer.Reply = fault == "reset" ? .reset : .truncated(Data(repeating: 0x41, count: 100), declaredLength: 5_000)
        try await LoopbackServer.serving { server in
            await server.route("/bad", reply)
            let url = server.url("/bad")
            let error = try await #require(throws: HTTPError.self) {
                try await client.fetch(url, expecting: .index, sec: true)
            }
            #expect(error.isTransient)
            #expect(error.localizedDescription.contains(url.absoluteString))
            #expect(await server.requests(to: "/bad").count == 3)
            #expect(clock.sleeps.count == 2)
        }
    }

    @Test("a transport failure followed by an answer succeeds")
    func resetThenAnswer() async throws {
        let client = makeTestClient(clock: TestClock())
        try await LoopbackServer.serving { server in
            await server.route("/x", .reset, .ok("x"))
            let recovered = try await client.fetch(server.url("/x"), expecting: .text, sec: true)
            #expect(recovered == .fetched(Data("x".utf8), Validators()))
            #expect(await server.requests(to: "/x").count == 2)
        }
    }
}
