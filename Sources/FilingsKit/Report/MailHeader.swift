import FilingsFormats
/// One header field of a ``MailMessage``, already encoded for the wire.
///
/// There is no public way to build a field from raw text: every constructor sanitizes and
/// encodes, so a CR or LF from a filing can never start a new header.
public struct MailHeader: Sendable, Equatable {
    /// The field name, such as `Subject`.
    public let name: String
    /// The value as a reader sees it, decoded (for logs and tests).
    public let text: String
    /// The whole field as sent: `Name: value`, ASCII only, folded with CRLF and a space, no final CRLF.
    public let field: String

    init(name: String, text: String, field: String) {
        self.name = name
        self.text = text
        self.field = field
    }

    /// An unstructured field such as `Subject`: made one line, then encoded and folded.
    public static func unstructured(_ name: String, _ text: String) -> MailHeader {
        let line = TextSanitizer.singleLine(text)
        return MailHeader(name: name, text: line, field: HeaderEncoding.fold(name: name, tokens: HeaderEncoding.unstructuredTokens(line)))
    }

    /// An address field such as `To`: each address with its display name encoded, comma-separated.
    public static func addresses(_ name: String, _ addresses: [MailAddress]) -> MailHeader {
        var tokens: [String] = []
        var shown: [String] = []
        for (index, address) in addresses.enumerated() {
            var entry: [String] = []
            let displayName = address.displayName.map(TextSanitizer.singleLine) ?? ""
            if !displayName.isEmpty {
                entry += HeaderEncoding.phraseTokens(displayName)
                entry.append("<\(address.address)>")
                shown.append("\(displayName) <\(address.address)>")
            } else {
                entry.append(address.address)
                shown.append(address.address)
            }
            if index < addresses.count - 1, let last = entry.popLast() {
                entry.append(last + ",")
            }
            tokens += entry
        }
        return MailHeader(name: name, text: shown.joined(separator: ", "), field: HeaderEncoding.fold(name: name, tokens: tokens))
    }

    /// A field whose value this module produced itself (a date, a message id), known to be ASCII.
    static func generated(_ name: String, _ value: String) -> MailHeader {
        let safe = String(value.unicodeScalars.filter { (0x20...0x7E).contains($0.value) }.map(Character.init))
        return MailHeader(name: name, text: safe, field: "\(name): \(safe)")
    }
}
