import FilingsHTTP
import FilingsKit
import Foundation

/// The User-Agent the HTTP tests declare.
let testUserAgent = "Jane Doe jane@example.com"

/// An `HTTPClient` over the live transport whose time and sleeps are a `TestClock`.
func makeTestClient(
    clock: TestClock,
    userAgent: String? = testUserAgent,
    requestsPerSecond: Double = 5,
    maxAttempts: Int = 4,
    ban: BanRecord = .inMemory(),
    transport: HTTPTransport = .live(timeout: 5),
    log: @escaping @Sendable (String) -> Void = { _ in }
) -> HTTPClient {
    HTTPClient(
        transport: transport,
        userAgent: userAgent,
        requestsPerSecond: requestsPerSecond,
        maxAttempts: maxAttempts,
        ban: ban,
        sleep: { clock.sleep($0) },
        now: clock.now,
        log: log
    )
}
