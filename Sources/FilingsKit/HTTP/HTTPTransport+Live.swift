import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension HTTPTransport {
    /// The largest body the live transport reads by default: 512 MiB, ten times EDGAR's largest
    /// quarterly index, as the gzip inflation limit is.
    public static let maxBodyBytes = 512 << 20

    /// A URLSession transport: GET only, every HTTP status returned as a response, gzip bodies decoded.
    ///
    /// - Parameters:
    ///   - timeout: the longest the server may stay silent (connecting, or between bytes of the body).
    ///   - totalTimeout: the longest one response may take in all; defaults to 20 × `timeout`,
    ///     which stops a server that drips bytes just fast enough to beat `timeout`.
    ///   - maxRedirects: redirects followed before giving up with `HTTPError.tooManyRedirects`.
    ///   - maxBodyBytes: the largest body read; a longer one stops with `HTTPError.tooLarge`.
    ///
    /// Make one per process and share it: each holds its own URLSession (and connection pool).
    ///
    /// Failures below HTTP (timeouts, resets, DNS, corrupt compression, a body shorter than its
    /// Content-Length) throw `HTTPError.transport` or `HTTPError.truncated` naming the URL.
    public static func live(
        timeout: TimeInterval, totalTimeout: TimeInterval? = nil, maxRedirects: Int = 5, maxBodyBytes: Int = HTTPTransport.maxBodyBytes
    ) -> HTTPTransport {
        // Bodies are gathered by the delegate, which also declines redirects: they are followed
        // below, one hop at a time, so the bound is ours and every hop is visible.
        let collector = BodyCollector(maxBodyBytes: maxBodyBytes)
        let session = LazySession {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = timeout
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            configuration.urlCache = nil
            configuration.httpShouldSetCookies = false
            return URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        }

        let deadline = totalTimeout ?? timeout * 20
        return HTTPTransport { request in
            // URLSession on Linux ignores timeoutIntervalForResource, so the total limit is enforced here.
            try await withDeadline(seconds: deadline, url: request.url) {
                var url = request.url
                for _ in 0...max(0, maxRedirects) {
                    let response = try await fetchOnce(url: url, headers: request.headers, session: session.value, collector: collector)
                    guard let next = redirectTarget(of: response) else { return response }
                    url = next
                }
                throw HTTPError.tooManyRedirects(url: request.url)
            }
        }
    }

    /// Runs `operation`, cancelling it with a transport error once `seconds` have passed.
    private static func withDeadline(
        seconds: TimeInterval, url: URL, _ operation: @escaping @Sendable () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask(operation: operation)
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw HTTPError.transport(url: url, reason: "no complete answer within \(Int(seconds.rounded())) s")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    private static func fetchOnce(url: URL, headers: [String: String], session: URLSession, collector: BodyCollector) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = "GET"
        urlRequest.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        for (name, value) in headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        let body: Data
        let urlResponse: URLResponse
        do {
            (body, urlResponse) = try await collector.collect(session.dataTask(with: urlRequest), url: url)
        } catch let error as HTTPError {
            throw error
        } catch let error as URLError where error.code == .cancelled {
            throw CancellationError()
        } catch let error as URLError {
            throw HTTPError.transport(url: url, reason: describe(error))
        } catch {
            throw HTTPError.transport(url: url, reason: error.localizedDescription)
        }
        guard let http = urlResponse as? HTTPURLResponse else {
            throw HTTPError.transport(url: url, reason: "not an HTTP response")
        }
        var fields: [String: String] = [:]
        for case let (name as String, value as String) in http.allHeaderFields {
            fields[name] = value
        }
        let response = HTTPResponse(url: url, status: http.statusCode, headers: fields, body: body)
        try checkComplete(response)
        return response
    }

    /// Throws when an uncompressed body is shorter than its declared length.
    ///
    /// libcurl and Darwin's URLSession already fail such transfers; this guards against a stack that
    /// would not. (A compressed body is checked by its decoder: a cut-off gzip stream fails to decode.)
    static func checkComplete(_ response: HTTPResponse) throws {
        let encoding = response.headers["content-encoding"]?.lowercased() ?? "identity"
        guard encoding == "identity",
              let declared = response.headers["content-length"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              response.body.count < declared
        else { return }
        throw HTTPError.truncated(url: response.url, expected: declared, received: response.body.count)
    }

    private static func redirectTarget(of response: HTTPResponse) -> URL? {
        guard [301, 302, 303, 307, 308].contains(response.status),
              let location = response.headers["location"]
        else { return nil }
        return URL(string: location, relativeTo: response.url)?.absoluteURL
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: return "timed out"
        case .networkConnectionLost: return "the connection was lost before the response was complete"
        case .cannotConnectToHost: return HTTPError.Unreachable.noServer
        case .cannotFindHost, .dnsLookupFailed: return HTTPError.Unreachable.noHost
        case .notConnectedToInternet: return HTTPError.Unreachable.noNetwork
        case .cannotDecodeContentData, .cannotDecodeRawData: return "the compressed body is corrupt"
        case .badServerResponse: return "the server closed the connection or answered with invalid HTTP"
        case .unknown: return error.localizedDescription
        default: return "\(error.localizedDescription) (URLError \(error.code.rawValue))"
        }
    }
}

/// A URLSession made on first use: a command that makes no request (`import`, `events`) does not
/// pay for one: libcurl's setup, the session's queues, and its configuration's default headers,
/// which read `Bundle.main` (that lists the executable's whole directory).
private final class LazySession: @unchecked Sendable {
    private let lock = NSLock()
    private let make: () -> URLSession
    private var made: URLSession?

    init(_ make: @escaping () -> URLSession) {
        self.make = make
    }

    var value: URLSession {
        lock.withLock {
            if let made { return made }
            let session = make()
            made = session
            return session
        }
    }
}
