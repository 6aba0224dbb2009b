/// The output formats of `filings digest`.
public enum DigestFormat: String, Sendable, CaseIterable {
    /// A complete mail message (RFC 5322), for `--send` or a pipe into a mailer.
    case mail
    /// Plain text for a terminal or a pipe.
    case text
    /// A JSON array of events in the contract's event shape.
    case json
}
