@testable import FilingsKit
import Foundation
import Testing
@testable import FilingsHTTP
@testable import FilingsTestSupport

/// `HTTPTransport.live` against a real socket: statuses, headers, gzip and the ways a connection fails.
@Suite("Live transport over loopback")
struct LiveTransportTests {
    let transport = HTTPTransport.live(timeout: 5)

    @Test("every status comes back as a response with its headers and body")
    func statusesAreResponses() async throws {
        try await LoopbackServer.serving { server in
            for code in [200, 304, 403, 404, 429, 500, 503] {
                await server.route("/s\(code)", .status(code, code == 304 ? Data() : Data("body \(code)".utf8), headers: ["X-Code": "\(code)"]))
                let response = try await transport.send(HTTPRequest(url: server.url("/s\(code)")))
                #expect(response.status == code)
                #expect(response.headers["x-code"] == "\(code)")
                #expect(response.body == (code == 304 ? Data() : Data("body \(code)".utf8)))
            }
        }
    }

    @Test("the given headers are sent, with Accept-Encoding gzip, deflate")
    func sendsHeaders() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/h", .ok("x"))
            _ = try await transport.send(HTTPRequest(url: server.url("/h"), headers: ["User-Agent": "Jane Doe jane@example.com", "If-None-Match": "\"v1\""]))
            let seen = try #require(await server.requests(to: "/h").first)
            #expect(seen.header("User-Agent") == "Jane Doe jane@example.com")
            #expect(seen.header("If-None-Match") == "\"v1\"")
            #expect(seen.header("Accept-Encoding") == "gzip, deflate")
        }
    }

    @Test("a gzip body (Content-Encoding: gzip) arrives decoded")
    func gzipDecoded() async throws {
        let plain = try SharedData.fixture("http/master-excerpt.idx")
        let compressed = try SharedData.fixture("http/master-excerpt.idx.gz")
        #expect(compressed.starts(with: [0x1F, 0x8B]))
        try await LoopbackServer.serving { server in
            await server.route("/master.idx", .gzip(compressed))
            let response = try await transport.send(HTTPRequest(url: server.url("/master.idx")))
            #expect(response.status == 200)
            #expect(response.body == plain)
        }
    }

    @Test("a tiny gzip body, longer compressed than plain, is not mistaken for a truncated one")
    func tinyGzipDecoded() async throws {
        // `printf 'hi\n' | gzip -9 -n`: 23 bytes on the wire for 3 decoded.
        let compressed = Data([
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xCB, 0xC8,
            0xE4, 0x02, 0x00, 0x7A, 0x7A, 0x6F, 0xED, 0x03, 0x00, 0x00, 0x00,
        ])
        try await LoopbackServer.serving { server in
            await server.route("/hi", .gzip(compressed))
            let response = try await transport.send(HTTPRequest(url: server.url("/hi")))
            #expect(response.body == Data("hi\n".utf8))
        }
    }

    @Test("a real gzip file of the corpus arrives decoded to its full length")
    func realGzipDecoded() async throws {
        guard let file = SharedData.file("edgar/tickers/company_tickers.older.json.gz") else { return }
        let compressed = try Data(contentsOf: file)
        // gzip's trailer ends with the uncompressed length modulo 2^32, little-endian.
        let trailer = compressed.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        try await LoopbackServer.serving { server in
            await server.route("/company_tickers.json", .gzip(compressed, headers: ["Content-Type": "application/json"]))
            let response = try await transport.send(HTTPRequest(url: server.url("/company_tickers.json")))
            #expect(response.body.count == trailer)
            let json = try JSONSerialization.jsonObject(with: response.body)
            #expect((json as? [String: Any])?.isEmpty == false)
        }
    }

    @Test("a corrupt gzip body is a transport error, not bytes")
    func corruptGzip() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/bad.gz", .corruptGzip)
            await #expect(throws: HTTPError.self) {
                try await transport.send(HTTPRequest(url: server.url("/bad.gz")))
            }
        }
    }

    @Test("a body shorter than its Content-Length is an error naming the URL")
    func truncatedBody() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/short", .truncated(Data(repeating: 0x41, count: 100), declaredLength: 1_000))
            let url = server.url("/short")
            let error = try await #require(throws: HTTPError.self) {
                try await transport.send(HTTPRequest(url: url))
            }
            #expect(error == .truncated(url: url, expected: 1_000, received: 100))
            #expect(error.isTransient)
            #expect(error.localizedDescription.contains(url.absoluteString))
        }
    }

    @Test("a body that arrives shorter than its Content-Length is refused even if the stack let it through")
    func shortBodyRefused() throws {
        let url = try #require(URL(string: "https://www.sec.gov/Archives/edgar/full-index/2025/QTR1/form.idx"))
        let short = HTTPResponse(url: url, status: 200, headers: ["Content-Length": "1000"], body: Data(count: 100))
        #expect(throws: HTTPError.truncated(url: url, expected: 1_000, received: 100)) {
            try HTTPTransport.checkComplete(short)
        }
        let whole = HTTPResponse(url: url, status: 200, headers: ["Content-Length": "100"], body: Data(count: 100))
        try HTTPTransport.checkComplete(whole)
        // Decoded gzip is longer than the compressed length the header declares.
        let decoded = HTTPResponse(url: url, status: 200, headers: ["Content-Length": "1000", "Content-Encoding": "gzip"], body: Data(count: 10))
        try HTTPTransport.checkComplete(decoded)
        #expect(HTTPError.truncated(url: url, expected: 1_000, received: 100).localizedDescription
            == "\(url.absoluteString) sent 100 of 1000 bytes before the connection closed; nothing was stored. Try again.")
    }

    @Test("a connection closed without an answer is a transport error naming the URL")
    func reset() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/reset", .reset)
            let url = server.url("/reset")
            let error = try await #require(throws: HTTPError.self) {
                try await transport.send(HTTPRequest(url: url))
            }
            guard case .transport(let failedURL, _) = error else {
                Issue.record("expected a transport error, got \(error)")
                return
            }
            #expect(failedURL == url)
        }
    }

    @Test("a server that goes silent longer than the timeout is a transport error")
    func silentServerTimesOut() async throws {
        let impatient = HTTPTransport.live(timeout: 1)
        try await LoopbackServer.serving { server in
            await server.route("/drip", .drip(Data("abcdef".utf8), pause: .seconds(3)))
            let error = try await #require(throws: HTTPError.self) {
                try await impatient.send(HTTPRequest(url: server.url("/drip")))
            }
            #expect(error.isTransient)
        }
    }

    @Test("a server that drips bytes just fast enough is stopped by the total timeout")
    func dripPastTotalTimeout() async throws {
        let bounded = HTTPTransport.live(timeout: 2, totalTimeout: 2)
        try await LoopbackServer.serving { server in
            await server.route("/drip", .drip(Data(repeating: 0x61, count: 40), pause: .milliseconds(250)))
            let error = try await #require(throws: HTTPError.self) {
                try await bounded.send(HTTPRequest(url: server.url("/drip")))
            }
            #expect(error.isTransient)
        }
    }

    @Test("the total timeout spans redirects: hops each quick enough still stop when together they are not")
    func totalTimeoutSpansRedirects() async throws {
        let bounded = HTTPTransport.live(timeout: 5, totalTimeout: 2)
        try await LoopbackServer.serving { server in
            await server.route("/first", LoopbackServer.Reply.redirect(to: "/second").delayed(by: .milliseconds(1200)))
            await server.route("/second", LoopbackServer.Reply.redirect(to: "/third").delayed(by: .milliseconds(1200)))
            await server.route("/third", .ok("too late"))
            let error = try await #require(throws: HTTPError.self) {
                try await bounded.send(HTTPRequest(url: server.url("/first")))
            }
            #expect(error.isTransient)
            #expect(await server.requests(to: "/third").isEmpty)
        }
    }

    @Test("redirects are followed to the final answer")
    func followsRedirects() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/old", .redirect(to: "/middle", status: 301))
            await server.route("/middle", .redirect(to: "/new"))
            await server.route("/new", .ok("arrived"))
            let response = try await transport.send(HTTPRequest(url: server.url("/old"), headers: ["User-Agent": "Jane Doe jane@example.com"]))
            #expect(response.body == Data("arrived".utf8))
            #expect(response.url == server.url("/new"))
            #expect(await server.requests(to: "/new").first?.header("User-Agent") == "Jane Doe jane@example.com")
        }
    }

    @Test("a redirect loop ends after the bound with tooManyRedirects")
    func redirectLoop() async throws {
        let bounded = HTTPTransport.live(timeout: 5, maxRedirects: 3)
        try await LoopbackServer.serving { server in
            await server.route("/loop", .redirect(to: "/loop"))
            let url = server.url("/loop")
            await #expect(throws: HTTPError.tooManyRedirects(url: url)) {
                try await bounded.send(HTTPRequest(url: url))
            }
            #expect(await server.requests(to: "/loop").count == 4)
        }
    }

    @Test("cancelling the calling task stops a transfer that is still arriving")
    func cancellationStopsTheTransfer() async throws {
        try await LoopbackServer.serving { server in
            // Six bytes three seconds apart: 15 s to the end, far past the cancellation.
            await server.route("/drip", .drip(Data("abcdef".utf8), pause: .seconds(3)))
            let url = server.url("/drip")
            let task = Task { try await HTTPTransport.live(timeout: 30).send(HTTPRequest(url: url)) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }

    @Test("a redirect to anything but http or https is refused, not followed, and not retried")
    func redirectToAnotherSchemeIsRefused() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/local", .redirect(to: "file:///etc/hostname"))
            let file = try #require(URL(string: "file:///etc/hostname"))
            await #expect(throws: HTTPError.unsupportedScheme(url: file)) {
                try await transport.send(HTTPRequest(url: server.url("/local")))
            }
        }
        let ftp = try #require(URL(string: "ftp://127.0.0.1/edgar/full-index/master.idx"))
        await #expect(throws: HTTPError.unsupportedScheme(url: ftp)) {
            try await transport.send(HTTPRequest(url: ftp))
        }
        #expect(!HTTPError.unsupportedScheme(url: ftp).isTransient)
        #expect(HTTPError.unsupportedScheme(url: ftp).localizedDescription.contains("check the URL in the feed file"))
    }

    @Test("nothing listening is a transport error naming the URL")
    func nothingListening() async throws {
        let url = try await LoopbackServer.serving { server in server.url("/gone") }
        let error = try await #require(throws: HTTPError.self) {
            try await transport.send(HTTPRequest(url: url))
        }
        guard case .transport(let failedURL, _) = error else {
            Issue.record("expected a transport error, got \(error)")
            return
        }
        #expect(failedURL == url)
    }

    @Test("a body longer than the limit stops the transfer with tooLarge, declared or not")
    func bodyLimit() async throws {
        let limit = 64 << 10
        let capped = HTTPTransport.live(timeout: 5, maxBodyBytes: limit)
        // A gzip bomb over HTTP: a few KB on the wire (so its Content-Length is small) that inflate past the limit.
        let directory = try temporaryDirectory()
        let zeros = directory.appendingPathComponent("zeros")
        try Data(count: 4 << 20).write(to: zeros)
        let gzip = try ProcessRunner.run("gzip", ["-k", "-n", zeros.path], environment: ["PATH": "/usr/bin:/bin"], directory: directory)
        #expect(gzip.status == 0)
        let bomb = try Data(contentsOf: directory.appendingPathComponent("zeros.gz"))
        #expect(bomb.count < limit)
        try await LoopbackServer.serving { server in
            await server.route("/declared", .ok(Data(count: limit + 1)))
            await server.route("/bomb", .gzip(bomb))
            await server.route("/exact", .ok(Data(repeating: 0x41, count: limit)))
            for path in ["/declared", "/bomb"] {
                let url = server.url(path)
                await #expect(throws: HTTPError.tooLarge(url: url, limit: limit)) {
                    try await capped.send(HTTPRequest(url: url))
                }
            }
            let exact = try await capped.send(HTTPRequest(url: server.url("/exact")))
            #expect(exact.body.count == limit)
        }
        let named = try #require(URL(string: "https://x.test/a"))
        #expect(HTTPError.tooLarge(url: named, limit: limit).errorDescription?.contains("https://x.test/a") == true)
    }

    @Test("a body over the limit is not retried: the same server would send it again")
    func bodyLimitIsNotRetried() async throws {
        let client = HTTPClient(transport: .live(timeout: 5, maxBodyBytes: 1024), userAgent: "Jane Doe jane@example.com", maxAttempts: 3, sleep: { _ in })
        try await LoopbackServer.serving { server in
            await server.route("/big.idx", .ok(Data(count: 4096)))
            await #expect(throws: HTTPError.self) {
                _ = try await client.fetch(server.url("/big.idx"), expecting: .index, validators: nil, sec: false)
            }
            #expect(await server.requests(to: "/big.idx").count == 1)
        }
    }
}
