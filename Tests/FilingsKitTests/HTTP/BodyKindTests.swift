import Foundation
import Testing

@testable import FilingsHTTP
@testable import FilingsKit
@testable import FilingsTestSupport

/// Each kind of body has its cap: the same bytes are read as one kind and refused as another.
@Suite(.serialized) struct BodyKindTests {
    let client = HTTPClient(transport: .live(timeout: 5), userAgent: "Jane Doe jane@example.com", maxAttempts: 3, sleep: { _ in })

    @Test("a gzip body inflating past the cap on a web page stops with overCap, asked once")
    func inflatedPastTheCap() async throws {
        let bomb = GzipBomb.make(matches: (17 << 20) / 258)
        try await LoopbackServer.serving { server in
            await server.route("/big", .gzip(bomb))
            let url = server.url("/big")
            await #expect(throws: HTTPError.overCap(url: url, kind: .page)) {
                _ = try await client.fetch(url, kind: .page, sec: false)
            }
            #expect(await server.requests(to: "/big").count == 1)
        }
    }

    @Test("17 MiB is over the cap on a web page, within the cap on a data file; the message names cap, kind and URL")
    func capIsPerKind() async throws {
        let size = 17 << 20
        try await LoopbackServer.serving { server in
            await server.route("/big.csv", .ok(Data(repeating: 0x41, count: size)))
            let url = server.url("/big.csv")
            await #expect(throws: HTTPError.overCap(url: url, kind: .page)) {
                _ = try await client.fetch(url, kind: .page, sec: false)
            }
            let read = try await client.fetch(url, kind: .dataFile, sec: false)
            guard case .fetched(let body, _) = read else { Issue.record("expected the body, got \(read)"); return }
            #expect(body.count == size)
            #expect(HTTPError.overCap(url: url, kind: .page).localizedDescription.hasPrefix("\(url.absoluteString) sent more than 16 MiB, the cap on a web page"))
        }
        let named = try #require(URL(string: "https://x.test/warn.xlsx"))
        let message = FeedFetchError.overCap(feed: "ca-warn", url: named, kind: .workbook).localizedDescription
        #expect(message.hasPrefix("https://x.test/warn.xlsx sent more than 64 MiB, the cap on a workbook; stopped, nothing was stored."))
        #expect(message.contains("Feeds/ca-warn.json"))
    }

    @Test("the fetcher names the feed file of a body over the cap")
    func fetcherNamesTheFeedFile() async throws {
        let url = try #require(URL(string: "https://x.test/a.csv"))
        let fetcher = Fetcher { url, kind, _, _ in throw HTTPError.overCap(url: url, kind: kind) }
        await #expect(throws: FeedFetchError.overCap(feed: "oh-warn", url: url, kind: .dataFile)) {
            _ = try await fetcher.fetch(url, kind: .dataFile, sec: false, feed: "oh-warn")
        }
        await #expect(throws: HTTPError.overCap(url: url, kind: .dataFile)) {
            _ = try await fetcher.fetch(url, kind: .dataFile, sec: false)
        }
    }

    @Test("every kind has a cap within the transport's ceiling, and the caps asked for")
    func caps() {
        #expect(BodyKind.allCases.allSatisfy { $0.cap > 0 && $0.cap <= HTTPTransport.maxBodyBytes })
        #expect(BodyKind.dailyIndex.capText == "64 MiB" && BodyKind.quarterlyIndex.capText == "512 MiB" && BodyKind.page.capText == "16 MiB")
    }
}
