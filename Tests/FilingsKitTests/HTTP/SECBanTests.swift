import FilingsKit
import Foundation
import Testing
@testable import FilingsHTTP
@testable import FilingsTestSupport

/// SEC's rate limit: a 429 or the "Request Rate Threshold Exceeded" page stops every SEC request for
/// 10 minutes, without a single further request; other sites are not affected.
@Suite("SEC rate-limit ban")
struct SECBanTests {
    /// A page in the shape of SEC's, for runs without the real corpus.
    static let thresholdPage = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>
        <body><h1>You've Exceeded the SEC's Traffic Limit</h1></body></html>
        """

    @Test("429 bans SEC requests for 10 minutes; until then none is made, other sites still are")
    func banAfter429() async throws {
        let clock = TestClock()
        let ban = BanRecord.inMemory()
        let client = makeTestClient(clock: clock, ban: ban)
        try await LoopbackServer.serving { server in
            await server.route("/index", .status(429), .ok("index"))
            await server.route("/warn", .ok("warn"))
            let url = server.url("/index")
            let until = clock.now().addingTimeInterval(600)
            await #expect(throws: HTTPError.rateLimited(url: url, until: until)) {
                try await client.fetch(url, expecting: .index, sec: true)
            }
            #expect(ban.load() == until)
            #expect(await server.requests(to: "/index").count == 1)

            clock.advance(by: 599)
            for _ in 0..<3 {
                await #expect(throws: HTTPError.banned(until: until)) {
                    try await client.fetch(url, expecting: .index, sec: true)
                }
            }
            #expect(await server.requests(to: "/index").count == 1)
            #expect(ban.load() == until)
            let warn = try await client.fetch(server.url("/warn"), expecting: .text, sec: false)
            #expect(warn == .fetched(Data("warn".utf8), Validators()))

            clock.advance(by: 1)
            let index = try await client.fetch(url, expecting: .index, sec: true)
            #expect(index == .fetched(Data("index".utf8), Validators()))
            #expect(await server.requests(to: "/index").count == 2)
        }
    }

    @Test("the threshold page bans whatever its status", arguments: [403, 200, 503])
    func thresholdPageBans(status: Int) async throws {
        var pages = [Self.thresholdPage]
        if let real = SharedData.file("edgar/http/rate-exceeded.html") {
            pages.append(try String(contentsOf: real, encoding: .utf8))
        }
        for page in pages {
            let clock = TestClock()
            let client = makeTestClient(clock: clock)
            try await LoopbackServer.serving { server in
                await server.route("/8k.htm", .html(page, status: status))
                let url = server.url("/8k.htm")
                // Even where HTML is the expected data, this page is a ban, not a document.
                await #expect(throws: HTTPError.rateLimited(url: url, until: clock.now().addingTimeInterval(600))) {
                    try await client.fetch(url, expecting: .html, sec: true)
                }
                await #expect(throws: HTTPError.banned(until: clock.now().addingTimeInterval(600))) {
                    try await client.fetch(url, expecting: .html, sec: true)
                }
                #expect(await server.requests.count == 1)
            }
        }
    }

    @Test("a 429 from another site is an error but bans nothing")
    func nonSECRateLimit() async throws {
        let ban = BanRecord.inMemory()
        let client = makeTestClient(clock: TestClock(), ban: ban)
        try await LoopbackServer.serving { server in
            await server.route("/edd", .status(429))
            await server.route("/sec", .ok("sec"))
            let url = server.url("/edd")
            await #expect(throws: HTTPError.status(url: url, code: 429)) {
                try await client.fetch(url, expecting: .workbook, sec: false)
            }
            #expect(ban.load() == nil)
            _ = try await client.fetch(server.url("/sec"), expecting: .text, sec: true)
            #expect(await server.requests.count == 2)
        }
    }

    @Test("a ban in the shared record stops every client that uses it, until it expires")
    func sharedRecord() async throws {
        let clock = TestClock()
        let ban = BanRecord.inMemory()
        let first = makeTestClient(clock: clock, ban: ban)
        let second = makeTestClient(clock: clock, ban: ban)
        try await LoopbackServer.serving { server in
            await server.route("/a", .status(429), .ok("a"))
            await #expect(throws: HTTPError.self) {
                try await first.fetch(server.url("/a"), expecting: .json, sec: true)
            }
            await #expect(throws: HTTPError.banned(until: clock.now().addingTimeInterval(600))) {
                try await second.fetch(server.url("/a"), expecting: .json, sec: true)
            }
            #expect(await server.requests.count == 1)

            // A record written by an earlier run that has since expired stops nothing.
            let expired = BanRecord.inMemory()
            expired.save(clock.now().addingTimeInterval(-1))
            let third = makeTestClient(clock: clock, ban: expired)
            _ = try await third.fetch(server.url("/a"), expecting: .json, sec: true)
            #expect(await server.requests.count == 2)
        }
    }

    @Test("ban messages name the URL and the UTC time SEC requests resume")
    func messages() throws {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))
        let until = try #require(utc.date(bySettingHour: 14, minute: 32, second: 0, of: Date()))
        let url = try #require(URL(string: "https://www.sec.gov/Archives/edgar/daily-index/2025/QTR1/form.20250103.idx"))
        #expect(HTTPError.rateLimited(url: url, until: until).localizedDescription
            == "SEC rate limit hit at \(url.absoluteString); no SEC requests until 14:32 UTC (10 minutes). Try again then.")
        #expect(HTTPError.banned(until: until).localizedDescription.contains("until 14:32 UTC"))
        let lastYear = until.addingTimeInterval(-366 * 86_400)
        #expect(HTTPError.banned(until: lastYear).localizedDescription.contains("14:32 UTC"))
        #expect(HTTPError.banned(until: lastYear).localizedDescription.contains("\(utc.component(.year, from: lastYear))-"))
    }
}
