import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The live transport's session delegate: gathers each response body as it arrives and stops a
/// transfer once it passes `maxBodyBytes`, so a runaway or hostile server cannot fill memory;
/// declines redirects so the transport follows them itself, one visible hop at a time.
///
/// `URLSession.data(for:)` would buffer any body whole, and Linux's Foundation has no `bytes(for:)`.
final class BodyCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// What one task has received so far, and who waits for it.
    private struct Transfer {
        var url: URL
        var continuation: CheckedContinuation<(Data, URLResponse), Error>
        var response: URLResponse?
        var body = Data()
        var overLimit = false
    }

    let maxBodyBytes: Int
    /// Guards `transfers`: delegate calls arrive on the session's queue, starts on the caller's.
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    /// Runs `task` to its end: its body and response, or `HTTPError.tooLarge`, or the task's error.
    /// Cancelling the calling Swift task cancels the transfer.
    func collect(_ task: URLSessionDataTask, url: URL) async throws -> (Data, URLResponse) {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                lock.withLock { transfers[task.taskIdentifier] = Transfer(url: url, continuation: continuation) }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        // A declared length over the limit is refused before a byte of the body is read.
        let refused = response.expectedContentLength > Int64(maxBodyBytes)
        lock.withLock {
            transfers[dataTask.taskIdentifier]?.response = response
            if refused { transfers[dataTask.taskIdentifier]?.overLimit = true }
        }
        completionHandler(refused ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overLimit = lock.withLock { () -> Bool in
            guard var transfer = transfers[dataTask.taskIdentifier], !transfer.overLimit else { return false }
            if transfer.body.count + data.count > maxBodyBytes {
                transfer.overLimit = true
                transfer.body = Data()
            } else {
                transfer.body.append(data)
            }
            transfers[dataTask.taskIdentifier] = transfer
            return transfer.overLimit
        }
        if overLimit { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let transfer = lock.withLock({ transfers.removeValue(forKey: task.taskIdentifier) }) else { return }
        if transfer.overLimit {
            transfer.continuation.resume(throwing: HTTPError.tooLarge(url: transfer.url, limit: maxBodyBytes))
        } else if let error {
            transfer.continuation.resume(throwing: error)
        } else if let response = transfer.response {
            transfer.continuation.resume(returning: (transfer.body, response))
        } else {
            transfer.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
