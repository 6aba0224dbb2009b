import FilingsKit
import Foundation
import Testing
@testable import FilingsHTTP
@testable import FilingsTestSupport

/// EDGAR's recorded answers from the corpus (`edgar/http/`, `edgar/feeds/getcurrent/`), replayed
/// through the loopback server with their status and headers, must mean what EDGAR means by them.
@Suite("Real EDGAR responses", .tags(.corpus))
struct RealResponsesTests {
    /// A recorded response: `<name>.<status>.body` (or `.html`) beside `<name>.headers.json` or `<name>.<status>.headers.json`.
    struct Recording {
        var name: String
        var status: Int
        var body: Data
        var requestHeaders: [String: String]
        var responseHeaders: [String: String]
    }

    static func recordings() throws -> [Recording] {
        let files = SharedData.files(under: "edgar/http") + SharedData.files(under: "edgar/feeds/getcurrent")
        return try files.compactMap { file -> Recording? in
            let parts = file.lastPathComponent.split(separator: ".")
            guard parts.count >= 3, ["body", "html"].contains(parts[parts.count - 1]),
                  let status = Int(parts[parts.count - 2]) else { return nil }
            let stem = parts.dropLast(2).joined(separator: ".")
            let folder = file.deletingLastPathComponent()
            let headerFile = [folder.appendingPathComponent("\(stem).\(status).headers.json"), folder.appendingPathComponent("\(stem).headers.json")]
                .first { FileManager.default.fileExists(atPath: $0.path) }
            let json = try headerFile.map { try JSONSerialization.jsonObject(with: Data(contentsOf: $0)) } as? [String: Any]
            return Recording(
                name: file.lastPathComponent,
                status: status,
                body: try Data(contentsOf: file),
                requestHeaders: firstValues((json?["request"] as? [String: Any])?["headers"]),
                responseHeaders: firstValues(json?["headers"])
            )
        }
    }

    private static func firstValues(_ headers: Any?) -> [String: String] {
        var result: [String: String] = [:]
        for (name, values) in headers as? [String: [String]] ?? [:] {
            result[name.lowercased()] = values.first
        }
        return result
    }

    /// The recorded headers the loopback server can replay (it frames the body itself).
    private static func replayable(_ headers: [String: String]) -> [String: String] {
        headers.filter { !["content-length", "connection", "transfer-encoding"].contains($0.key) }
    }

    @Test("every recorded 304, 403 AccessDenied, 404 and 503 gets the meaning EDGAR gives it")
    func recordedStatuses() async throws {
        let recordings = try Self.recordings()
        guard SharedData.isAvailable else { return }
        #expect(Set(recordings.map(\.status)).isSuperset(of: [304, 403, 404, 503]))
        for recording in recordings {
            let clock = TestClock()
            let client = makeTestClient(clock: clock)
            try await LoopbackServer.serving { server in
                await server.route("/recorded", .status(recording.status, recording.body, headers: Self.replayable(recording.responseHeaders)))
                let url = server.url("/recorded")
                let validators = Validators(etag: recording.requestHeaders["if-none-match"], lastModified: recording.requestHeaders["if-modified-since"])
                switch recording.status {
                case 304:
                    let result = try await client.fetch(url, expecting: .index, validators: validators, sec: true)
                    #expect(result == .notModified, "\(recording.name)")
                case 403, 404:
                    let result = try await client.fetch(url, expecting: .index, sec: true)
                    #expect(result == .missing, "\(recording.name)")
                case 503:
                    await #expect(throws: HTTPError.status(url: url, code: 503), "\(recording.name)") {
                        try await client.fetch(url, expecting: .text, sec: true)
                    }
                    #expect(await server.requests.count == client.maxAttempts, "\(recording.name)")
                default:
                    Issue.record("\(recording.name): no expectation for status \(recording.status)")
                }
            }
        }
    }

    @Test("EDGAR's HTML pages served as 200 are error pages, titled, where data is expected")
    func recordedPagesAsErrorPages() async throws {
        let pages = try Self.recordings().filter { $0.body.starts(with: Data("<".utf8)) && $0.name.hasSuffix(".html") }
        guard SharedData.isAvailable else { return }
        try #require(!pages.isEmpty)
        for page in pages {
            let client = makeTestClient(clock: TestClock())
            try await LoopbackServer.serving { server in
                await server.route("/page", .ok(page.body, headers: ["Content-Type": "application/atom+xml"]))
                let url = server.url("/page")
                let error = try await #require(throws: HTTPError.self) {
                    try await client.fetch(url, expecting: .index, sec: true)
                }
                guard case .errorPage(let failedURL, let title) = error else {
                    Issue.record("\(page.name): expected an error page, got \(error)")
                    return
                }
                #expect(failedURL == url)
                #expect(title.hasPrefix("SEC.gov | "), "\(page.name): \(title)")
            }
        }
    }

    @Test("the recorded Atom pages are data, not error pages")
    func recordedAtomIsData() async throws {
        let feeds = SharedData.files(under: "edgar/feeds/getcurrent").filter { $0.pathExtension == "xml" }
        guard SharedData.isAvailable else { return }
        try #require(!feeds.isEmpty)
        let client = makeTestClient(clock: TestClock())
        try await LoopbackServer.serving { server in
            for feed in feeds {
                let body = try Data(contentsOf: feed)
                await server.route("/atom", .ok(body, headers: ["Content-Type": "application/atom+xml"]))
                let result = try await client.fetch(server.url("/atom"), expecting: .index, sec: true)
                #expect(result == .fetched(body, Validators()), "\(feed.lastPathComponent)")
            }
        }
    }
}
