/// A complete plain-text mail message (RFC 5322 with a MIME UTF-8 body), ready for `sendmail -t`.
public struct MailMessage: Sendable, Equatable {
    /// The message's own header fields (From, To, Subject, Date, Message-ID, ...); the MIME
    /// fields describing the body are added by ``rendered()``.
    public let headers: [MailHeader]
    /// The body as plain text with `\n` line breaks, before transfer encoding.
    public let body: String

    /// Creates a message from encoded header fields and a plain-text body.
    public init(headers: [MailHeader], body: String) {
        self.headers = headers
        self.body = body
    }

    /// The first header field with this name (case-insensitive), if any.
    public func header(_ name: String) -> MailHeader? {
        headers.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The message as sent: header fields, MIME fields, a blank line and the quoted-printable
    /// body, every line ending in CRLF and no line longer than 76 characters.
    public func rendered() -> String {
        let mime = [
            MailHeader.generated("MIME-Version", "1.0"),
            MailHeader.generated("Content-Type", "text/plain; charset=utf-8"),
            MailHeader.generated("Content-Transfer-Encoding", "quoted-printable"),
        ]
        let fields = (headers + mime).map { $0.field + "\r\n" }.joined()
        return fields + "\r\n" + QuotedPrintable.encode(body)
    }
}
