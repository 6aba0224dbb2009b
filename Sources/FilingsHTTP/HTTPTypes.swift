import Foundation

/// One HTTP GET as the transport sees it.
public struct HTTPRequest: Sendable, Equatable {
    public var url: URL
    /// Header names as sent; the transport adds nothing of its own but gzip decoding.
    public var headers: [String: String]
    /// The most body bytes to read, below the transport's own ceiling; nil leaves the ceiling.
    public var maxBodyBytes: Int?

    public init(url: URL, headers: [String: String] = [:], maxBodyBytes: Int? = nil) {
        self.url = url
        self.headers = headers
        self.maxBodyBytes = maxBodyBytes
    }
}

/// One HTTP response, body already decoded from gzip when it was sent compressed.
public struct HTTPResponse: Sendable, Equatable {
    public var url: URL
    public var status: Int
    /// Header names lowercased.
    public var headers: [String: String]
    public var body: Data

    public init(url: URL, status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.url = url
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }
}

/// The I/O behind every fetch: a live libcurl one and test ones.
public struct HTTPTransport: Sendable {
    public var send: @Sendable (HTTPRequest) async throws -> HTTPResponse

    public init(send: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.send = send
    }
}

/// Cache validators a server sent with a response, reused for conditional GET.
public struct Validators: Codable, Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// True when neither validator is present.
    public var isEmpty: Bool { etag == nil && lastModified == nil }
}

/// What kind of body a caller expects; an HTML body where data is expected is an error page.
public enum Expectation: Sendable, Equatable {
    /// A plain-text EDGAR index.
    case index
    case json
    case workbook
    case pdf
    case csv
    /// An Atom feed (EDGAR's latest filings).
    case atom
    /// An HTML page is the data (8-K documents, the EDD WARN page).
    case html
    /// A full submission `.txt` or any text.
    case text
}

/// The outcome of a fetch that did not fail.
public enum FetchResult: Sendable, Equatable {
    /// New bytes, with the validators to send next time.
    case fetched(Data, Validators)
    /// 304: what we have is current.
    case notModified
    /// The server says there is no such file (EDGAR answers 403 AccessDenied or 404).
    case missing
}
