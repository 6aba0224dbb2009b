import FilingsHTTP
import Foundation

/// How the pipeline reaches the network: one call per GET, with the HTTP client's politeness behind it.
public struct Fetcher: Sendable {
    /// Fetches `url` expecting a kind of body, conditionally when validators are given; `sec` selects the SEC policy.
    public var fetch: @Sendable (_ url: URL, _ expecting: Expectation, _ validators: Validators?, _ sec: Bool) async throws -> FetchResult

    public init(fetch: @escaping @Sendable (URL, Expectation, Validators?, Bool) async throws -> FetchResult) {
        self.fetch = fetch
    }
}
