/// Quoted-printable body encoding (RFC 2045 section 6.7) with CRLF line ends.
enum QuotedPrintable {
    /// Encoded lines are at most this long, soft line break `=` included.
    static let lineLimit = 76

    /// `text` (UTF-8, any line-break convention) as quoted-printable lines, each ending in CRLF.
    ///
    /// Besides what the RFC requires, a `.` or `From ` at the start of a line is encoded, so
    /// neither SMTP dot-stuffing nor mbox "From " escaping can alter the message, and soft
    /// line breaks never split a character, so the raw message stays readable.
    static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        // A final line break ends the last line; it does not start another.
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        var output = ""
        for line in lines {
            for encodedLine in encodeLine(Array(line.unicodeScalars)) {
                output += encodedLine + "\r\n"
            }
        }
        return output
    }

    /// One text line as one or more encoded lines (all but the last end in a soft break).
    static func encodeLine(_ scalars: [Unicode.Scalar]) -> [String] {
        var lines: [String] = []
        var current = ""
        for (index, scalar) in scalars.enumerated() {
            let isLast = index == scalars.count - 1
            let bytes = Array(String(scalar).utf8)
            let isLiteral = bytes.count == 1 && literalIsSafe(bytes[0], isLast: isLast)
            var token = isLiteral ? String(scalar) : bytes.map(escaped).joined()
            // Wrap first, so the "start of line" rules see the line the token lands on.
            let room = isLast ? lineLimit : lineLimit - 1
            if current.utf8.count + token.utf8.count > room {
                lines.append(current + "=")
                current = ""
            }
            if current.isEmpty, startsDangerously(scalars, at: index) {
                token = bytes.map(escaped).joined()
            }
            current += token
        }
        lines.append(current)
        return lines
    }

    /// Printable ASCII other than `=` stands for itself; so do space and tab except at a line's end.
    static func literalIsSafe(_ byte: UInt8, isLast: Bool) -> Bool {
        switch byte {
        case 33...60, 62...126: true
        case 32, 9: !isLast
        default: false
        }
    }

    /// True when the scalar at `index`, placed first on an encoded line, would begin `.` or `From `.
    static func startsDangerously(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        scalars[index] == "." || scalars[index...].starts(with: "From ".unicodeScalars)
    }

    static func escaped(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
