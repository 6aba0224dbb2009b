/// Quoted-printable body encoding (RFC 2045 section 6.7) with CRLF line ends.
enum QuotedPrintable {
    /// Encoded lines are at most this long, soft line break `=` included.
    static let lineLimit = 76

    /// `text` (UTF-8, any line-break convention) as quoted-printable lines, each ending in CRLF.
    ///
    /// Besides what the RFC requires, a `.` or `From ` at the start of a line is encoded, so
    /// neither SMTP dot-stuffing nor mbox "From " escaping can alter the message.
    static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var output = ""
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            for encodedLine in encodeLine(Array(line.utf8)) {
                output += encodedLine + "\r\n"
            }
        }
        return output
    }

    /// One text line as one or more encoded lines (all but the last end in a soft break).
    static func encodeLine(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            var token = literalIsSafe(byte, isLast: isLast) ? String(UnicodeScalar(byte)) : escaped(byte)
            // Wrapping first, so the "start of line" rules see the line the token lands on.
            let room = isLast ? lineLimit : lineLimit - 1
            if current.utf8.count + token.utf8.count > room {
                lines.append(current + "=")
                current = ""
            }
            if current.isEmpty, startsDangerously(bytes, at: index) {
                token = escaped(byte)
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

    /// True when the byte at `index`, placed first on an encoded line, would begin `.` or `From `.
    static func startsDangerously(_ bytes: [UInt8], at index: Int) -> Bool {
        if bytes[index] == UInt8(ascii: ".") { return true }
        return bytes[index...].starts(with: Array("From ".utf8))
    }

    static func escaped(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
