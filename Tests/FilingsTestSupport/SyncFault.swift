import FilingsKit
import FilingsModel
import Foundation
import Testing

/// One way a daily index request can go wrong, as the sync fault tests inject it.
enum SyncFault: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case tooManyRequests = "429"
    case realRateLimitPage = "403 with SEC's real rate-limit page"
    case rateLimitPage = "403 with a rate-limit page of our own"
    case rateLimitPageWith200 = "200 with the rate-limit page"
    case accessDenied = "403 AccessDenied XML"
    case internalError = "500"
    case unavailable = "503"
    case reset = "connection reset before any byte"
    case truncated = "body shorter than its Content-Length"
    case slowDrip = "slow drip past the timeout"
    case htmlWith200 = "HTML page with 200"
    case corruptGzip = "corrupt gzip body"
    case redirectLoop = "redirect loop"

    var testDescription: String { rawValue }

    /// True when the fault is SEC's rate limit, after which no SEC request may be made for 10 minutes.
    var bans: Bool { [.tooManyRequests, .realRateLimitPage, .rateLimitPage, .rateLimitPageWith200].contains(self) }

    /// The ledger status the day gets: S3's AccessDenied means "no index published" (retried until it settles).
    var ledgerStatus: LedgerEntry.Status { self == .accessDenied ? .missing : .failed }

    /// A fragment of the one line `filings sync` prints for the day.
    var message: String {
        switch self {
        case .tooManyRequests, .realRateLimitPage, .rateLimitPage, .rateLimitPageWith200: "SEC rate limit hit at"
        case .accessDenied: ""
        case .internalError: "answered HTTP 500 (server error) after retries"
        case .unavailable: "answered HTTP 503 (server error) after retries"
        case .reset, .slowDrip, .corruptGzip: "Could not fetch"
        case .truncated: "bytes before the connection closed; nothing was stored"
        case .htmlWith200: "returned an HTML page (\"Service Unavailable\")"
        case .redirectLoop: "redirects in a loop"
        }
    }

    /// A small page with SEC's rate-limit title, true to the real one's shape, so the test runs without the corpus.
    static let ownRateLimitPage = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head>
        <body><h1>Your Request Rate Has Exceeded the Limit</h1><p>Your access will be limited for 10 minutes.</p></body></html>
        """

    /// The scripted reply, or nil when it needs the shared corpus and the corpus is absent.
    func reply(path: String) throws -> LoopbackServer.Reply? {
        let index = try SharedData.fixture("mirror/master.\(FaultBench.faultDay).idx")
        switch self {
        case .tooManyRequests: return .status(429, Data("Too Many Requests".utf8))
        case .realRateLimitPage:
            guard let url = SharedData.file("edgar/http/rate-exceeded.html") else { return nil }
            return .status(403, try Data(contentsOf: url), headers: ["Content-Type": "text/html"])
        case .rateLimitPage: return .html(Self.ownRateLimitPage, status: 403)
        case .rateLimitPageWith200: return .html(Self.ownRateLimitPage, status: 200)
        case .accessDenied: return .status(403, try SharedData.fixture("mirror/access-denied.xml"), headers: ["Content-Type": "application/xml"])
        case .internalError: return .status(500)
        case .unavailable: return .status(503)
        case .reset: return .reset
        case .truncated: return .truncated(index.prefix(index.count / 2), declaredLength: index.count)
        case .slowDrip: return .drip(index, bytesPerPiece: 1, pause: .milliseconds(100))
        case .htmlWith200: return .html("<html><head><title>Service Unavailable</title></head><body>Try later</body></html>")
        case .corruptGzip: return .corruptGzip
        case .redirectLoop: return .redirect(to: path)
        }
    }
}
