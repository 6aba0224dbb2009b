import FilingsKit
import Foundation
import Testing
@testable import FilingsHTTP
@testable import FilingsTestSupport

/// The test server itself: routing by path and query, reply sequences, 404s, conditional GET, recording.
@Suite("Loopback server")
struct LoopbackServerTests {
    let transport = HTTPTransport.live(timeout: 5)

    /// "<status> <body>" of a GET.
    func answer(_ server: LoopbackServer, _ path: String, headers: [String: String] = [:]) async throws -> String {
        let response = try await transport.send(HTTPRequest(url: server.url(path), headers: headers))
        return "\(response.status) \(String(decoding: response.body, as: UTF8.self))"
    }

    @Test("a route with a query answers only that query; a route without one answers any")
    func queryRoutes() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/cgi-bin/browse-edgar?action=getcurrent&start=0", .ok("page 1"))
            await server.route("/cgi-bin/browse-edgar?action=getcurrent&start=100", .ok("page 2"))
            await server.route("/cgi-bin/browse-edgar", .ok("any other"))
            let secondPage = try await answer(server, "/cgi-bin/browse-edgar?action=getcurrent&start=100")
            #expect(secondPage == "200 page 2")
            let firstPage = try await answer(server, "/cgi-bin/browse-edgar?action=getcurrent&start=0")
            #expect(firstPage == "200 page 1")
            let otherQuery = try await answer(server, "/cgi-bin/browse-edgar?action=other")
            #expect(otherQuery == "200 any other")
            #expect(await server.requests(to: "/cgi-bin/browse-edgar").count == 3)
            #expect(await server.requests(to: "/cgi-bin/browse-edgar?action=getcurrent&start=0").count == 1)
        }
    }

    @Test("replies are served in order, the last repeating; unrouted paths are 404")
    func sequences() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/s", .status(503), .ok("one"), .ok("two"))
            var seen: [String] = []
            for _ in 0..<4 {
                seen.append(try await answer(server, "/s"))
            }
            #expect(seen == ["503 ", "200 one", "200 two", "200 two"])
            let unrouted = try await answer(server, "/nowhere")
            #expect(unrouted == "404 ")
            #expect(await server.requests.map(\.path) == ["/s", "/s", "/s", "/s", "/nowhere"])
        }
    }

    @Test("a matching If-None-Match or If-Modified-Since gets 304 with the validators")
    func conditionalGet() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/f", .ok("data", headers: ["ETag": "\"v2\"", "Last-Modified": "Mon, 29 Jun 2026 15:04:29 GMT"]))
            let unchanged = try await transport.send(HTTPRequest(url: server.url("/f"), headers: ["If-None-Match": "\"v1\", \"v2\""]))
            #expect(unchanged.status == 304 && unchanged.body.isEmpty && unchanged.headers["etag"] == "\"v2\"")
            let sinceUnchanged = try await answer(server, "/f", headers: ["If-Modified-Since": "Mon, 29 Jun 2026 15:04:29 GMT"])
            #expect(sinceUnchanged == "304 ")
            let staleTag = try await answer(server, "/f", headers: ["If-None-Match": "\"v1\""])
            #expect(staleTag == "200 data")
            let unconditional = try await answer(server, "/f")
            #expect(unconditional == "200 data")
        }
    }

    @Test("a delayed reply still arrives")
    func delayed() async throws {
        try await LoopbackServer.serving { server in
            await server.route("/slow", .ok("late").delayed(by: .milliseconds(200)))
            let late = try await answer(server, "/slow")
            #expect(late == "200 late")
        }
    }
}
