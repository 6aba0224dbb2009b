import Foundation

/// Why a fetch failed, each case with a one-line message that names the URL and says what to do.
public enum HTTPError: LocalizedError, Equatable {
    /// An SEC fetch without a User-Agent naming a person.
    case noUserAgent
    /// An SEC ban recorded earlier is still in force; no request was made.
    case banned(until: Date)
    /// SEC answered 429 or its "Request Rate Threshold Exceeded" page; a ban was recorded.
    case rateLimited(url: URL, until: Date)
    /// A 200 whose body is an HTML page where data was expected.
    case errorPage(url: URL, title: String)
    /// A status that is neither data nor "missing" (after retries, for server errors).
    case status(url: URL, code: Int)
    /// The request failed below HTTP: timeout, reset, DNS, corrupt compression.
    case transport(url: URL, reason: String)
    /// The connection closed before the declared Content-Length arrived.
    case truncated(url: URL, expected: Int, received: Int)
    /// The server redirected more times than the transport follows.
    case tooManyRedirects(url: URL)
    /// The body ran past the most the transport reads.
    case tooLarge(url: URL, limit: Int)
    /// The body ran past the cap of the kind of file asked for.
    case overCap(url: URL, kind: BodyKind)
    /// A URL (from a feed file or a redirect) that is not http or https.
    case unsupportedScheme(url: URL)

    /// One line saying what happened and what to do.
    public var errorDescription: String? {
        switch self {
        case .noUserAgent:
            return "SEC requests need a User-Agent: set FILINGS_USER_AGENT or --user-agent to \"Your Name you@example.com\" (SEC requires a name and an email)."
        case .banned(let until):
            return "SEC rate limit in force; no SEC requests until \(Self.clockTime(until)). Try again then."
        case .rateLimited(let url, let until):
            return "SEC rate limit hit at \(url.absoluteString); no SEC requests until \(Self.clockTime(until)) (10 minutes). Try again then."
        case .errorPage(let url, let title):
            let name = title.isEmpty ? "untitled" : "\"\(title)\""
            return "\(url.absoluteString) returned an HTML page (\(name)) where data was expected: probably an error page; nothing was stored."
        case .status(let url, let code) where code >= 500:
            return "\(url.absoluteString) answered HTTP \(code) (server error) after retries; try again later."
        case .status(let url, let code):
            return "\(url.absoluteString) answered HTTP \(code); check the URL (feed file) and the User-Agent."
        case .transport(let url, let reason):
            return "Could not fetch \(url.absoluteString): \(reason). Check the network and try again."
        case .truncated(let url, let expected, let received):
            return "\(url.absoluteString) sent \(received) of \(expected) bytes before the connection closed; nothing was stored. Try again."
        case .tooManyRedirects(let url):
            return "\(url.absoluteString) redirects in a loop or too many times; check the URL in the feed file."
        case .tooLarge(let url, let limit):
            return "\(url.absoluteString) sent more than \(limit) bytes, more than any file filings reads; stopped, nothing was stored. Check the URL in the feed file."
        case .overCap(let url, let kind):
            return "\(url.absoluteString) sent more than \(kind.capText), the cap on \(kind.label); stopped, nothing was stored. Check the URL in the feed file."
        case .unsupportedScheme(let url):
            return "\(url.absoluteString) is not an http or https URL, and filings fetches nothing else; check the URL in the feed file."
        }
    }

    /// True for failures worth another attempt: the network, not the server's answer.
    public var isTransient: Bool {
        switch self {
        case .transport, .truncated: return true
        case .status(_, let code): return Self.retriedStatuses.contains(code)
        default: return false
        }
    }

    /// True when the server could not be reached at all: the next request to it would fail the same way.
    public var isUnreachable: Bool {
        guard case .transport(_, let reason) = self else { return false }
        return [Unreachable.noServer, Unreachable.noHost, Unreachable.noNetwork].contains(reason)
    }

    /// The transport's words for a server that cannot be reached.
    enum Unreachable {
        static let noServer = "could not connect to the server"
        static let noHost = "host name not found"
        static let noNetwork = "not connected to the network"
    }

    /// Server errors that usually pass: internal error, bad gateway, unavailable, gateway timeout.
    static let retriedStatuses: Set<Int> = [500, 502, 503, 504]

    /// `HH:mm UTC`, or a full UTC timestamp when the date is not today.
    static func clockTime(_ date: Date, today: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
        if calendar.isDate(date, inSameDayAs: today) { return time }
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + time
    }
}
