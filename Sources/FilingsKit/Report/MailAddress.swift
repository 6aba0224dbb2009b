import Foundation

/// A mail address given by the user (`--to`, `--from`), checked before it can reach a header.
public struct MailAddress: Sendable, Equatable {
    /// The human-readable name, as in `Jane Doe <jane@example.com>`; nil when none was given.
    public let displayName: String?
    /// The address itself, `local@domain`.
    public let address: String

    /// Checks and creates an address from its parts.
    public init(address: String, displayName: String? = nil) throws(MailAddressError) {
        try Self.validate(address: address, input: address)
        if let displayName {
            if displayName.contains(where: \.isNewline) { throw .lineBreak(displayName) }
            if displayName.unicodeScalars.contains(where: Self.isControl) { throw .controlCharacter(displayName) }
        }
        let name = displayName?.trimmingCharacters(in: .whitespaces)
        self.displayName = name?.isEmpty == false ? name : nil
        self.address = address
    }

    /// Parses `jane@example.com`, `Jane Doe <jane@example.com>` or `"Doe, Jane" <jane@example.com>`.
    public init(parsing text: String) throws(MailAddressError) {
        if text.contains(where: \.isNewline) { throw .lineBreak(text) }
        if text.unicodeScalars.contains(where: Self.isControl) { throw .controlCharacter(text) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.hasSuffix(">") else {
            try self.init(address: trimmed)
            return
        }
        guard let open = trimmed.lastIndex(of: "<") else { throw .malformed(text) }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
        }
        try Self.validate(address: address, input: text)
        try self.init(address: address, displayName: name)
    }

    /// Parses a comma-separated list (commas inside a quoted display name do not split).
    public static func list(parsing text: String) throws(MailAddressError) -> [MailAddress] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if quoted, character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        let addresses = try parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { part throws(MailAddressError) in try MailAddress(parsing: part) }
        guard !addresses.isEmpty else { throw .empty }
        return addresses
    }

    /// Requires one `@` with a non-empty local part and domain, ASCII without spaces or
    /// header-significant characters, and at most 254 characters (RFC 5321).
    static func validate(address: String, input: String) throws(MailAddressError) {
        if address.contains(where: \.isNewline) { throw .lineBreak(input) }
        if address.unicodeScalars.contains(where: isControl) { throw .controlCharacter(input) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .notOneAt(input) }
        guard !parts[0].isEmpty, !parts[1].isEmpty, address.count <= 254 else { throw .malformed(input) }
        guard address.unicodeScalars.allSatisfy(\.isASCII) else { throw .nonASCII(input) }
        let forbidden = Set(" \t<>()[],;:\"\\")
        guard !address.contains(where: forbidden.contains) else { throw .malformed(input) }
        guard !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..") else { throw .malformed(input) }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// Why a user-given mail address was refused.
public enum MailAddressError: Error, LocalizedError, Equatable {
    /// The text holds a CR or LF, which could add headers to the message.
    case lineBreak(String)
    /// The text holds a control character.
    case controlCharacter(String)
    /// The address does not have exactly one `@`.
    case notOneAt(String)
    /// The address has non-ASCII characters.
    case nonASCII(String)
    /// The text is not an address.
    case malformed(String)
    /// No address was given.
    case empty

    /// A one-line message naming the address and what to do.
    public var errorDescription: String? {
        switch self {
        case .lineBreak(let text):
            "mail address \(Self.show(text)) contains a line break, which could add mail headers; remove it"
        case .controlCharacter(let text):
            "mail address \(Self.show(text)) contains a control character; remove it"
        case .notOneAt(let text):
            "mail address \(Self.show(text)) must contain exactly one '@', as in name@example.com"
        case .nonASCII(let text):
            "mail address \(Self.show(text)) contains non-ASCII characters; use the ASCII (punycode) form of the domain"
        case .malformed(let text):
            "\(Self.show(text)) is not a mail address; write name@example.com or \"Name <name@example.com>\""
        case .empty:
            "no mail address given; pass one, as in name@example.com"
        }
    }

    /// The text with controls made visible, so the message itself stays one safe line.
    static func show(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            shown += MailAddress.isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return "'\(shown)'"
    }
}
