import FilingsHTTP
import Foundation

/// How the pipeline reaches the network: one call per GET, with the HTTP client's politeness behind it.
public struct Fetcher: Sendable {
    /// The transfer behind `fetch`, as `HTTPClient.fetch` makes it: tests put a loopback client or a failure here.
    let transfer: @Sendable (_ url: URL, _ expecting: Expectation, _ validators: Validators?, _ sec: Bool) async throws -> FetchResult

    public init(_ transfer: @escaping @Sendable (URL, Expectation, Validators?, Bool) async throws -> FetchResult) {
        self.transfer = transfer
    }

    /// Fetches `url` expecting a kind of body, conditionally when `validators` (of the stored copy)
    /// are given; `sec` puts the request under SEC's rules (User-Agent, shared rate limit, ban).
    public func fetch(_ url: URL, expecting: Expectation, validators: Validators? = nil, sec: Bool) async throws -> FetchResult {
        try await transfer(url, expecting, validators, sec)
    }
}
