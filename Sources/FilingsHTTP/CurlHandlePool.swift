import CCurl
import Foundation

/// libcurl easy handles kept between requests, so the next request to a host reuses the open
/// connection (and its TLS session) instead of opening a new one.
///
/// Making the first handle loads libcurl; a process that never fetches never loads it.
final class CurlHandlePool: @unchecked Sendable {
    /// More idle handles than requests ever run at once (the pipeline fetches one at a time).
    private static let maxIdle = 4

    private let lock = NSLock()
    private var idle: [CurlHandle] = []

    init() {}

    deinit {
        for handle in idle { filings_curl_easy_cleanup(handle.pointer) }
    }

    /// An idle handle, or a new one; throws, naming `url`, when libcurl cannot be loaded.
    func take(for url: URL) throws -> CurlHandle {
        if let message = filings_curl_load() {
            throw HTTPError.transport(url: url, reason: "libcurl could not be loaded (\(String(cString: message))); install libcurl4")
        }
        if let handle = lock.withLock({ idle.popLast() }) { return handle }
        guard let pointer = filings_curl_easy_init() else {
            throw HTTPError.transport(url: url, reason: "libcurl could not make a transfer handle")
        }
        return CurlHandle(pointer: pointer)
    }

    /// Clears a handle's options, keeping its connections, and keeps it for the next request.
    func giveBack(_ handle: CurlHandle) {
        filings_curl_easy_reset(handle.pointer)
        let kept = lock.withLock { () -> Bool in
            guard idle.count < Self.maxIdle else { return false }
            idle.append(handle)
            return true
        }
        if !kept { filings_curl_easy_cleanup(handle.pointer) }
    }
}

/// A libcurl easy handle. Only one transfer uses it at a time (the pool sees to that), which is
/// what makes handing it to the transfer's thread safe.
struct CurlHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}
