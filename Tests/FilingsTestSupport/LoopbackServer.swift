import FilingsHTTP
import FlyingFox
import FlyingSocks
import Foundation

/// A real HTTP server on 127.0.0.1 (an ephemeral port) inside the test process, answering with
/// scripted replies and recording every request, so fetchers are tested over real sockets.
///
/// ```swift
/// try await LoopbackServer.serving { server in
///     await server.route("/Archives/edgar/daily-index/form.idx", .ok("...", headers: ["ETag": "\"v1\""]))
///     await server.route("/flaky", .status(503), .status(503), .ok("third time lucky"))
///     let result = try await client.fetch(server.url("/flaky"), expecting: .text, sec: false)
///     #expect(await server.requests(to: "/flaky").count == 3)
/// }
/// ```
///
/// A route's replies are served in order and the last one repeats. Unrouted paths answer 404.
/// A reply carrying an `ETag` or `Last-Modified` header is answered with 304 when the request's
/// `If-None-Match` / `If-Modified-Since` matches it. Fault replies (`.reset`, `.truncated`, `.drip`,
/// `.corruptGzip`) misbehave at the socket level the way real servers and proxies do.
actor LoopbackServer {
    /// One request as the server received it.
    struct RecordedRequest: Sendable {
        /// The path, percent-encoded, without the query.
        var path: String
        /// The path with `?query` when there is one.
        var target: String
        /// Header names lowercased.
        var headers: [String: String]
        /// Wall-clock arrival, for diagnostics only: tests must not assert on timing.
        var receivedAt: Date

        /// The value of a header, by case-insensitive name.
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// One scripted answer.
    struct Reply: Sendable {
        /// How a reply misbehaves on the wire.
        enum Fault: Sendable {
            /// Close the connection without sending a byte.
            case reset
            /// Declare this Content-Length, send the (shorter) body, then close.
            case truncated(declaredLength: Int)
            /// Send the body a few bytes at a time with a pause between pieces.
            case drip(bytesPerPiece: Int, pause: Duration)
        }

        var status: Int = 200
        var headers: [String: String] = [:]
        var body = Data()
        /// Wait this long before answering (keep it under the server's 60 s handler limit).
        var delay: Duration?
        var fault: Fault?

        /// 200 with a body.
        static func ok(_ body: Data, headers: [String: String] = [:]) -> Reply {
            Reply(status: 200, headers: headers, body: body)
        }

        /// 200 with a UTF-8 text body.
        static func ok(_ text: String, headers: [String: String] = [:]) -> Reply {
            .ok(Data(text.utf8), headers: headers)
        }

        /// Any status with an optional body.
        static func status(_ code: Int, _ body: Data = Data(), headers: [String: String] = [:]) -> Reply {
            Reply(status: code, headers: headers, body: body)
        }

        /// An HTML page (`Content-Type: text/html`) with the given status.
        static func html(_ page: String, status: Int = 200) -> Reply {
            Reply(status: status, headers: ["Content-Type": "text/html"], body: Data(page.utf8))
        }

        /// Already gzip-compressed bytes sent with `Content-Encoding: gzip`.
        static func gzip(_ compressed: Data, headers: [String: String] = [:]) -> Reply {
            Reply(status: 200, headers: headers.merging(["Content-Encoding": "gzip"]) { $1 }, body: compressed)
        }

        /// `Content-Encoding: gzip` over a gzip header followed by an invalid deflate block.
        static let corruptGzip = Reply.gzip(Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01, 0x02, 0x03]))

        /// A redirect to `location` (a path on this server or a full URL); route a path to itself for a loop.
        static func redirect(to location: String, status: Int = 302) -> Reply {
            Reply(status: status, headers: ["Location": location])
        }

        /// Close the connection without answering.
        static let reset = Reply(fault: .reset)

        /// Declare `declaredLength` bytes, send `body` (shorter), then close the connection.
        static func truncated(_ body: Data, declaredLength: Int) -> Reply {
            Reply(status: 200, body: body, fault: .truncated(declaredLength: declaredLength))
        }

        /// Send `body` `bytesPerPiece` bytes at a time, pausing `pause` before each later piece.
        static func drip(_ body: Data, bytesPerPiece: Int = 1, pause: Duration) -> Reply {
            Reply(status: 200, body: body, fault: .drip(bytesPerPiece: bytesPerPiece, pause: pause))
        }

        /// The same reply, answered after `delay`.
        func delayed(by delay: Duration) -> Reply {
            var copy = self
            copy.delay = delay
            return copy
        }
    }

    /// `http://127.0.0.1:<port>`.
    nonisolated let baseURL: URL
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private var routes: [String: [Reply]] = [:]
    private var recorded: [RecordedRequest] = []

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16) {
        self.server = server
        self.task = task
        self.baseURL = URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Starts a server on 127.0.0.1 with a port the kernel picks; call `stop()` when done.
    static func start() async throws -> LoopbackServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else {
            task.cancel()
            throw CocoaError(.featureUnsupported)
        }
        let loopback = LoopbackServer(server: server, task: task, port: port)
        await server.appendRoute("*") { [weak loopback] request in
            guard let loopback else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return try await loopback.answer(request)
        }
        return loopback
    }

    /// Runs `body` with a started server and stops the server afterwards, also when `body` throws.
    static func serving<T: Sendable>(_ body: (LoopbackServer) async throws -> T) async throws -> T {
        let server = try await start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Stops listening and drops open connections.
    func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    /// The URL of `path` (which may carry a `?query`) on this server.
    nonisolated func url(_ path: String) -> URL {
        URL(string: path, relativeTo: baseURL)?.absoluteURL ?? baseURL
    }

    /// Answers `path` with `replies` in order, the last repeating; replaces an earlier route.
    ///
    /// `path` may include `?query` to answer only that query; a route without a query answers any.
    func route(_ path: String, _ replies: Reply...) {
        route(path, replies)
    }

    /// Answers `path` with `replies` in order, the last repeating; replaces an earlier route.
    func route(_ path: String, _ replies: [Reply]) {
        routes[path] = replies
    }

    /// Every request received so far, in arrival order.
    var requests: [RecordedRequest] { recorded }

    /// The requests received for `path` (compared without the query unless `path` has one).
    func requests(to path: String) -> [RecordedRequest] {
        recorded.filter { path.contains("?") ? $0.target == path : $0.path == path }
    }

    private func answer(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let path = request.target.path()
        let target = request.target.rawValue
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = value
        }
        let recordedRequest = RecordedRequest(path: path, target: target, headers: headers, receivedAt: Date())
        recorded.append(recordedRequest)

        let key = routes[target] != nil ? target : path
        guard let reply = nextReply(for: key) else { return HTTPResponse(statusCode: .notFound) }
        if let delay = reply.delay { try await Task.sleep(for: delay) }
        if Self.isUnchanged(reply, for: recordedRequest) {
            return HTTPResponse(statusCode: HTTPStatusCode(304, phrase: "Not Modified"), headers: Self.validatorHeaders(of: reply))
        }
        return Self.response(for: reply)
    }

    private func nextReply(for key: String) -> Reply? {
        guard let replies = routes[key], let first = replies.first else { return nil }
        if replies.count > 1 { routes[key] = Array(replies.dropFirst()) }
        return first
    }

    private static func isUnchanged(_ reply: Reply, for request: RecordedRequest) -> Bool {
        guard reply.status == 200, reply.fault == nil else { return false }
        let validators = validatorHeaders(of: reply)
        if let etag = validators[HTTPHeader("ETag")], let sent = request.header("If-None-Match") {
            return sent.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag }
        }
        if let lastModified = validators[HTTPHeader("Last-Modified")], let sent = request.header("If-Modified-Since") {
            return sent == lastModified
        }
        return false
    }

    private static func validatorHeaders(of reply: Reply) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in reply.headers where ["etag", "last-modified"].contains(name.lowercased()) {
            headers[HTTPHeader(name)] = value
        }
        return headers
    }

    private static func response(for reply: Reply) -> FlyingFox.HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in reply.headers {
            headers[HTTPHeader(name)] = value
        }
        let status = HTTPStatusCode(reply.status, phrase: "Scripted")
        switch reply.fault {
        case nil:
            return HTTPResponse(statusCode: status, headers: headers, body: reply.body)
        case .reset:
            // FlyingFox writes nothing before a WebSocket handler has made its frames,
            // and closes the connection when that fails: a reset before any byte.
            return HTTPResponse(webSocket: FailingUpgrade())
        case .truncated(let declaredLength):
            let body = PacedBytes(data: reply.body, bytesPerPiece: 4096, pause: nil, dropConnectionAtEnd: true)
            return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: body, count: declaredLength))
        case .drip(let bytesPerPiece, let pause):
            let body = PacedBytes(data: reply.body, bytesPerPiece: bytesPerPiece, pause: pause, dropConnectionAtEnd: false)
            return HTTPResponse(statusCode: status, headers: headers, body: HTTPBodySequence(from: body, count: reply.body.count))
        }
    }
}

/// A WebSocket handler that fails at once, so the server closes the connection unanswered.
private struct FailingUpgrade: WSHandler {
    struct Refused: Error {}

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Refused()
    }
}

/// Response body bytes sent in pieces, optionally paced, optionally ending in a dropped connection.
private struct PacedBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    struct DroppedConnection: Error {}

    let data: Data
    let bytesPerPiece: Int
    let pause: Duration?
    let dropConnectionAtEnd: Bool

    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: data[...], sequence: self)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: Data.SubSequence
        let sequence: PacedBytes
        var sentAny = false

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            if remaining.isEmpty {
                if sequence.dropConnectionAtEnd { throw DroppedConnection() }
                return nil
            }
            if sentAny, let pause = sequence.pause { try await Task.sleep(for: pause) }
            let piece = remaining.prefix(Swift.max(1, Swift.min(count, sequence.bytesPerPiece)))
            remaining = remaining.dropFirst(piece.count)
            sentAny = true
            return Data(piece)
        }
    }
}
