import CCurl
import Foundation

/// One GET on a libcurl easy handle, run on a thread of its own: the response with its headers
/// and decoded body, or the `HTTPError` that names the URL.
///
/// libcurl reads the body, decodes gzip and deflate, and enforces the timeouts; the callbacks
/// below gather what it hands over and stop the transfer past `maxBodyBytes` or on cancellation.
/// Redirects are not followed here: the live transport follows them one visible hop at a time.
final class CurlTransfer: @unchecked Sendable {
    /// The bounds one transfer runs under.
    struct Limits: Sendable {
        /// The longest the server may stay silent, connecting or between bytes.
        var timeout: TimeInterval
        /// The longest the whole transfer may take.
        var totalTimeout: TimeInterval
        var maxBodyBytes: Int
    }

    private let url: URL
    private let limits: Limits
    // Written by libcurl's callbacks on the transfer's thread, read once `perform` has returned.
    private var body = Data()
    private var headers: [String: String] = [:]
    private var overLimit = false
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    // Set from the cancelling task, read by the progress callback.
    private let lock = NSLock()
    private var cancelled = false

    private init(url: URL, limits: Limits) {
        self.url = url
        self.limits = limits
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// Fetches `url` once with a handle from `pool`; cancelling the calling task stops the transfer.
    static func get(_ url: URL, headers: [String: String], limits: Limits, pool: CurlHandlePool) async throws -> HTTPResponse {
        // libcurl would read file://, ftp:// and more; a feed or a redirect may only lead to the web.
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw HTTPError.unsupportedScheme(url: url)
        }
        let handle = try pool.take(for: url)
        defer { pool.giveBack(handle) }
        let transfer = CurlTransfer(url: url, limits: limits)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // curl_easy_perform blocks until the transfer ends; a thread of its own keeps it
                // off the concurrency pool, which has only as many threads as cores.
                let thread = Thread {
                    continuation.resume(with: Result { try transfer.perform(on: handle, headers: headers) })
                }
                thread.start()
            }
        } onCancel: {
            transfer.lock.withLock { transfer.cancelled = true }
        }
    }

    private func perform(on curlHandle: CurlHandle, headers requestHeaders: [String: String]) throws -> HTTPResponse {
        let handle = curlHandle.pointer
        var lines: UnsafeMutablePointer<curl_slist>?
        for (name, value) in requestHeaders.sorted(by: { $0.key < $1.key }) {
            lines = filings_curl_slist_append(lines, "\(name): \(value)")
        }
        defer { filings_curl_slist_free_all(lines) }

        let context = Unmanaged.passUnretained(self).toOpaque()
        filings_curl_setopt_pointer(handle, CURLOPT_URL, url.absoluteString)
        // Again, for libcurl itself (7.85 and later; earlier ones ignore it, the check above holds).
        filings_curl_setopt_pointer(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        filings_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        filings_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, lines)
        // Sent as given; libcurl decodes the body and fails a corrupt one.
        filings_curl_setopt_pointer(handle, CURLOPT_ACCEPT_ENCODING, "gzip, deflate")
        filings_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        filings_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(limits.timeout))
        // Under one byte a second for `timeout` seconds is a silent server (whole seconds only).
        filings_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        filings_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(limits.timeout.rounded(.up))))
        filings_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(limits.totalTimeout))
        // A declared length over the limit is refused before a byte of the body is read.
        filings_curl_setopt_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maxBodyBytes))
        filings_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        filings_curl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, Self.receiveBody)
        filings_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        filings_curl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, Self.receiveHeader)
        filings_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        filings_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        filings_curl_setopt_xferinfo_callback(handle, Self.progress)
        filings_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)

        let code = filings_curl_easy_perform(handle)
        guard code == CURLE_OK else { throw failure(code, osError: filings_curl_getinfo_long(handle, CURLINFO_OS_ERRNO)) }
        let status = filings_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE)
        guard status > 0 else { throw HTTPError.transport(url: url, reason: "not an HTTP response") }
        return HTTPResponse(url: url, status: status, headers: headers, body: body)
    }

    /// The error for a transfer libcurl ended with `code`.
    private func failure(_ code: CURLcode, osError: Int) -> Error {
        switch code {
        case CURLE_ABORTED_BY_CALLBACK:
            return CancellationError()
        case CURLE_WRITE_ERROR where overLimit, CURLE_FILESIZE_EXCEEDED:
            return HTTPError.tooLarge(url: url, limit: limits.maxBodyBytes)
        case CURLE_PARTIAL_FILE:
            if (headers["content-encoding"]?.lowercased() ?? "identity") == "identity",
               let declared = headers["content-length"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                return HTTPError.truncated(url: url, expected: declared, received: body.count)
            }
            return HTTPError.transport(url: url, reason: "the connection was lost before the response was complete")
        default:
            return HTTPError.transport(url: url, reason: reason(code, osError: osError))
        }
    }

    private func reason(_ code: CURLcode, osError: Int) -> String {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return "timed out"
        case CURLE_COULDNT_CONNECT where osError == Int(ENETUNREACH): return HTTPError.Unreachable.noNetwork
        case CURLE_COULDNT_CONNECT: return HTTPError.Unreachable.noServer
        case CURLE_COULDNT_RESOLVE_HOST: return HTTPError.Unreachable.noHost
        case CURLE_BAD_CONTENT_ENCODING: return "the compressed body is corrupt"
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_WEIRD_SERVER_REPLY:
            return "the server closed the connection or answered with invalid HTTP"
        default:
            let detail = String(cString: errorBuffer)
            let summary = detail.isEmpty ? String(cString: filings_curl_easy_strerror(code)) : detail
            return "\(summary) (curl error \(code.rawValue))"
        }
    }

    private static func milliseconds(_ interval: TimeInterval) -> Int {
        Int((interval * 1000).rounded(.up))
    }

    /// Appends a piece of the decoded body; returning less than was given stops the transfer.
    private static let receiveBody: curl_write_callback = { bytes, size, count, context in
        guard let bytes, let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        if transfer.body.count + length > transfer.limits.maxBodyBytes {
            transfer.overLimit = true
            transfer.body = Data()
            return 0
        }
        bytes.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append($0, count: length) }
        return length
    }

    /// Keeps one header line; a status line starts a new response (after `100 Continue`).
    private static let receiveHeader: curl_write_callback = { bytes, size, count, context in
        guard let bytes, let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            transfer.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            if let earlier = transfer.headers[name] {
                transfer.headers[name] = earlier + ", " + value
            } else {
                transfer.headers[name] = value
            }
        }
        return length
    }

    /// Called by libcurl during the transfer, at least once a second; non-zero stops it.
    private static let progress: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else { return 1 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.lock.withLock { transfer.cancelled } ? 1 : 0
    }
}
