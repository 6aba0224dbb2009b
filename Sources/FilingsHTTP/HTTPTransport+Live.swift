import Foundation

extension HTTPTransport {
    /// The largest body the live transport reads by default: 512 MiB, ten times EDGAR's largest
    /// quarterly index, as the gzip inflation limit is.
    public static let maxBodyBytes = 512 << 20

    /// A libcurl transport: GET only, every HTTP status returned as a response, gzip bodies decoded.
    ///
    /// - Parameters:
    ///   - timeout: the longest the server may stay silent (connecting, or between bytes of the body).
    ///   - totalTimeout: the longest one response may take in all, redirects included; defaults to
    ///     20 × `timeout`, which stops a server that drips bytes just fast enough to beat `timeout`.
    ///   - maxRedirects: redirects followed before giving up with `HTTPError.tooManyRedirects`.
    ///   - maxBodyBytes: the largest body read; a longer one stops with `HTTPError.tooLarge`. A request's
    ///     own `maxBodyBytes` (its `BodyKind`'s cap) lowers it for that request.
    ///
    /// Make one per process and share it: each keeps its own connections open between requests.
    /// libcurl is loaded on the first request, so commands that never fetch do not pay for it.
    ///
    /// Failures below HTTP (timeouts, resets, DNS, corrupt compression, a body shorter than its
    /// Content-Length) throw `HTTPError.transport` or `HTTPError.truncated` naming the URL.
    public static func live(
        timeout: TimeInterval, totalTimeout: TimeInterval? = nil, maxRedirects: Int = 5, maxBodyBytes: Int = HTTPTransport.maxBodyBytes
    ) -> HTTPTransport {
        let pool = CurlHandlePool()
        let deadline = totalTimeout ?? timeout * 20
        return HTTPTransport { request in
            var limits = CurlTransfer.Limits(
                timeout: timeout, totalTimeout: deadline, maxBodyBytes: min(request.maxBodyBytes ?? maxBodyBytes, maxBodyBytes))
            // libcurl bounds each hop; giving each hop only what is left bounds all of them together. (A sleeping
            // task racing the transfer would do the same, but a cancelled sleep holds its timer, about 600 bytes,
            // until its deadline passes: `follow` polling fast grew by that much a request.)
            let end = ContinuousClock.now + .seconds(deadline)
            var url = request.url
            for _ in 0...max(0, maxRedirects) {
                let left = ContinuousClock.now.duration(to: end)
                guard left > .zero else {
                    throw HTTPError.transport(url: request.url, reason: "no complete answer within \(Int(deadline.rounded())) s")
                }
                limits.totalTimeout = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
                let response = try await CurlTransfer.get(url, headers: request.headers, limits: limits, pool: pool)
                try checkComplete(response)
                guard let next = redirectTarget(of: response) else { return response }
                url = next
            }
            throw HTTPError.tooManyRedirects(url: request.url)
        }
    }

    /// Throws when an uncompressed body is shorter than its declared length.
    ///
    /// libcurl already fails such transfers (`CurlTransfer` reports them as `truncated`); this guards
    /// against a server or stack that would not. (A compressed body is checked by its decoder: a cut-off gzip stream fails to decode.)
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
}
