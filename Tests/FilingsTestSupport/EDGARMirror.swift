import FilingsHTTP
import FilingsKit
import FilingsModel
import Foundation

/// A loopback EDGAR mirror serving the project's own fixtures: a week of daily indexes (Thursday missing,
/// as on a holiday), Meta's submissions JSON as it changes between runs, and the ticker maps.
struct EDGARMirror {
    static let userAgent = "filings tests tests@example.com"
    let server: LoopbackServer
    /// A `Feeds/` directory whose base URLs point at the server.
    let feedsDirectory: URL

    static let days = ["20251117", "20251118", "20251119", "20251121"]
    /// Meta's 8-Ks whose full text the mirror serves: a 2.05 workforce reduction, a pay-only 5.02, a resignation.
    static let readableFilings = ["0001628280-25-061001", "0001628280-25-061230", "0001326801-25-000099"]

    static func filingTextPath(_ accession: String) -> String {
        "/Archives/edgar/data/1326801/\(accession.filter(\.isNumber))/\(accession).txt"
    }

    /// The index page of Meta's 10-K in the mirror, and its Exhibit 21.
    static let annualIndexPath = "/Archives/edgar/data/1326801/000132680125000017/0001326801-25-000017-index.htm"
    static let exhibit21Path = "/Archives/edgar/data/1326801/000132680125000017/meta-12312024xexhibit211.htm"

    static func dailyPath(_ day: String) -> String {
        "/Archives/edgar/daily-index/2025/QTR4/master.\(day).idx"
    }

    /// Starts routing the standard mirror on `server` and writes a feeds directory for it.
    static func start(on server: LoopbackServer) async throws -> EDGARMirror {
        func fixture(_ name: String) throws -> Data { try SharedData.fixture("mirror/" + name) }
        for day in days {
            await server.route(dailyPath(day), .ok(try fixture("master.\(day).idx"), headers: ["ETag": "\"idx-\(day)\"", "Last-Modified": "Fri, 21 Nov 2025 22:05:00 GMT"]))
        }
        await server.route(dailyPath("20251120"), .status(403, try fixture("access-denied.xml"), headers: ["Content-Type": "application/xml"]))
        await server.route("/files/company_tickers.json", .ok(try fixture("company_tickers.json"), headers: ["ETag": "\"t1\""]))
        await server.route("/files/company_tickers_exchange.json", .ok(try fixture("company_tickers_exchange.json")))
        await server.route(
            "/submissions/CIK0001326801.json",
            .ok(try fixture("CIK0001326801.watch.json")), .ok(try fixture("CIK0001326801.sync1.json")), .ok(try fixture("CIK0001326801.sync2.json")))
        await server.route("/submissions/CIK0001326801-submissions-001.json", .ok(try fixture("CIK0001326801-submissions-001.json")))
        for accession in readableFilings {
            await server.route(filingTextPath(accession), .ok(try fixture("\(accession).txt")))
        }
        // The 10-K the submissions list names, whose Exhibit 21 lists Meta's subsidiaries.
        await server.route(annualIndexPath, .ok(try SharedData.fixture("edgar/10k/0001326801-25-000017-index.htm")))
        await server.route(exhibit21Path, .ok(try SharedData.fixture("edgar/10k/meta-12312024xexhibit211.htm")))
        return EDGARMirror(server: server, feedsDirectory: try writeFeeds(base: server.baseURL))
    }

    /// Copies the package's feed files, pointing every SEC base URL at `base`.
    static func writeFeeds(base: URL) throws -> URL {
        let dir = try temporaryDirectory().appendingPathComponent("Feeds")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = SharedData.packageRoot.appendingPathComponent("Feeds/sec-edgar.json")
        var feed = try JSONDecoder().decode(FeedDefinition.self, from: Data(contentsOf: source))
        let root = base.absoluteString
        feed.urls = ["archives": root + "/Archives/", "data": root + "/", "files": root + "/files/", "www": root + "/"]
        try JSONEncoder().encode(feed).write(to: dir.appendingPathComponent("sec-edgar.json"))
        return dir
    }

    /// A context over a fresh store, the live HTTP transport, a fixed clock, and no real waiting.
    func context(now: @escaping @Sendable () -> Date, store: Store? = nil, ban: BanRecord = .inMemory()) throws -> FilingsContext {
        let store = try store ?? Store(path: try temporaryDirectory().appendingPathComponent("filings.sqlite").path)
        let client = HTTPClient(
            transport: .live(timeout: 5), userAgent: EDGARMirror.userAgent, requestsPerSecond: 10, maxAttempts: 2, ban: ban,
            sleep: { _ in }, now: now)
        let fetcher = Fetcher { url, expecting, validators, sec in
            try await client.fetch(url, expecting: expecting, validators: validators, sec: sec)
        }
        return FilingsContext(store: store, feeds: try FeedCatalog(directory: feedsDirectory.path), fetcher: fetcher, now: now)
    }
}
