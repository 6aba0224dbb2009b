/// Makes untrusted text from filings (company names, summaries, quotes) harmless to print or mail.
///
/// A filing is written by whoever files it, so its text may carry terminal escape sequences
/// (which can retitle a window, hide lines or fake output), line breaks (which would split a
/// one-line field, or a mail header), NUL, bidirectional overrides (which make "exe.txt" read
/// as "txt.exe"), and invisible characters. Normal Unicode — accents, CJK, emoji joiners — is kept.
public enum TextSanitizer {
    /// The text as one line: line breaks and tabs become spaces, runs of whitespace collapse
    /// to one space, the ends are trimmed, and controls, escape sequences, bidi controls and
    /// harmful invisible characters are removed.
    public static func singleLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in cleanScalars(text) {
            if isLineBreak(scalar) || isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// The text with its line structure kept (every line break becomes `\n`, at most one blank
    /// line in a row, trailing spaces trimmed) and everything else cleaned as in ``singleLine(_:)``.
    public static func multiLine(_ text: String) -> String {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in cleanScalars(text) {
            defer { previous = scalar }
            if isLineBreak(scalar) {
                // CR LF is one break, not two.
                if scalar == "\n", previous == "\r" { continue }
                lines.append(singleLine(String(current)))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(singleLine(String(current)))
        var kept: [String] = []
        for line in lines where !(line.isEmpty && (kept.last?.isEmpty ?? true)) {
            kept.append(line)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    /// The scalars of `text` with escape sequences, controls (other than line breaks and
    /// spaces, which the callers handle) and dangerous format characters removed.
    static func cleanScalars(_ text: String) -> [Unicode.Scalar] {
        let scalars = Array(text.unicodeScalars)
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let end = escapeSequenceEnd(scalars, from: index) {
                index = end
                continue
            }
            index += 1
            if isLineBreak(scalar) || isSpace(scalar) || !isRemoved(scalar) {
                kept.append(scalar)
            }
        }
        return kept
    }

    /// When an escape sequence starts at `start`, the index just past it; nil otherwise.
    ///
    /// Handles ESC-introduced sequences (CSI `ESC [`, string sequences OSC/DCS/SOS/PM/APC ended
    /// by BEL or ST, and two-character escapes) and their one-scalar C1 forms. An unterminated
    /// string sequence consumes only its introducer, so a stray `ESC ]` cannot swallow the text.
    static func escapeSequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let first = scalars[start].value
        var cursor: Int
        var kind: UInt32
        if first == 0x1B {
            guard start + 1 < scalars.count else { return start + 1 }
            let next = scalars[start + 1].value
            switch next {
            case 0x5B: kind = 0x9B  // ESC [ is CSI
            case 0x5D: kind = 0x9D  // ESC ] is OSC
            case 0x50: kind = 0x90  // ESC P is DCS
            case 0x58, 0x5E, 0x5F: kind = 0x98  // SOS, PM, APC: strings like OSC
            case 0x20...0x2F:
                // ESC, intermediates, then one final byte (e.g. charset selection `ESC ( B`).
                cursor = start + 1
                while cursor < scalars.count, (0x20...0x2F).contains(scalars[cursor].value) { cursor += 1 }
                if cursor < scalars.count, (0x30...0x7E).contains(scalars[cursor].value) { cursor += 1 }
                return cursor
            case 0x30...0x7E: return start + 2
            default: return start + 1
            }
            cursor = start + 2
        } else if [0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F].contains(first) {
            kind = first == 0x9E || first == 0x9F ? 0x98 : first
            cursor = start + 1
        } else {
            return nil
        }
        if kind == 0x9B {
            // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, one final 0x40-0x7E.
            while cursor < scalars.count, (0x20...0x3F).contains(scalars[cursor].value) { cursor += 1 }
            if cursor < scalars.count, (0x40...0x7E).contains(scalars[cursor].value) { cursor += 1 }
            return cursor
        }
        // A string sequence runs to BEL, ST (`ESC \`) or the C1 ST.
        var probe = cursor
        while probe < scalars.count {
            let value = scalars[probe].value
            if value == 0x07 || value == 0x9C { return probe + 1 }
            if value == 0x1B {
                return probe + 1 < scalars.count && scalars[probe + 1] == "\\" ? probe + 2 : probe
            }
            probe += 1
        }
        return cursor
    }

    /// Line breaks of any convention: LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Horizontal whitespace that a one-line field may hold as a plain space.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.properties.isWhitespace && !isLineBreak(scalar)
    }

    /// Characters removed outright.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 and C1 controls, DEL
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides and isolates
        case 0x200E, 0x200F, 0x061C: true  // bidi marks: invisible, they reorder neutral text
        case 0x200B, 0x2060, 0xFEFF: true  // zero-width space, word joiner, BOM: hide or split words
        case 0x2061...0x2064, 0x206A...0x206F: true  // invisible operators, deprecated format controls
        case 0xFFF9...0xFFFB: true  // interlinear annotation controls
        case 0xE0000...0xE007F: true  // tag characters: invisible text ("ASCII smuggling")
        default: false
        }
    }
}
