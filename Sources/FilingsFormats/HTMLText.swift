import Foundation

/// Turns an HTML (or inline-XBRL) document into readable plain text, one block per line.
///
/// One pass over the Unicode scalars with an append-only buffer, so a 500 KB filing costs
/// linear time. Hidden content (`display:none`, `<ix:header>`, scripts, styles, comments)
/// is dropped; block elements become line breaks; table cells are separated by a tab.
public enum HTMLText {
    /// The visible text of `html`: entities decoded, whitespace collapsed per line, blank lines dropped.
    public static func plainText(_ html: String) -> String {
        var scanner = Scanner(Array(html.unicodeScalars))
        scanner.run()
        return collapse(scanner.output)
    }

    /// Elements whose start and end break the line.
    static let blockElements: Set<String> = [
        "p", "div", "br", "tr", "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "hr", "center", "dl", "dt", "dd", "section", "article", "header",
        "footer", "body", "html", "page", "caption", "address", "form", "fieldset", "nav", "main", "aside",
    ]

    /// Elements whose whole content is never shown.
    static let skippedElements: Set<String> = ["script", "style", "ix:header", "title", "head", "noscript", "xml"]

    /// Elements that never have an end tag, so they never open a hidden region.
    static let voidElements: Set<String> = ["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"]

    /// Named entities seen in EDGAR documents; anything else numeric is decoded by value.
    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "thinsp": " ", "rsquo": "\u{2019}", "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}",
        "bull": "\u{2022}", "middot": "\u{00B7}", "sect": "\u{00A7}", "para": "\u{00B6}", "copy": "\u{00A9}",
        "reg": "\u{00AE}", "trade": "\u{2122}", "deg": "\u{00B0}", "plusmn": "\u{00B1}", "times": "\u{00D7}",
        "divide": "\u{00F7}", "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}", "cent": "\u{00A2}",
        "pound": "\u{00A3}", "euro": "\u{20AC}", "yen": "\u{00A5}", "shy": "", "zwsp": "", "zwj": "", "zwnj": "",
        "eacute": "é", "Eacute": "É", "egrave": "è", "aacute": "á", "agrave": "à", "iacute": "í", "oacute": "ó",
        "uacute": "ú", "ntilde": "ñ", "Ntilde": "Ñ", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä",
        "Uuml": "Ü", "Ouml": "Ö", "Auml": "Ä", "szlig": "ß", "ecirc": "ê", "ocirc": "ô", "acirc": "â",
        "iuml": "ï", "euml": "ë", "oslash": "ø", "aring": "å", "rarr": "\u{2192}", "larr": "\u{2190}",
        "dagger": "\u{2020}", "Dagger": "\u{2021}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "prime": "\u{2032}",
        "check": "\u{2713}", "cross": "\u{2717}", "squ": "\u{25A1}", "frasl": "/", "minus": "\u{2212}",
    ]

    /// The text an entity's body stands for (`amp`, `#146`, `#x2019`), nil when it is none we know.
    static func entity(_ body: String) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if body.hasPrefix("#") {
            return UInt32(body.dropFirst()).map(HTMLText.windows1252).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        return HTMLText.namedEntities[body] ?? HTMLText.namedEntities[body.lowercased()]
    }

    /// Old filings write Windows-1252 code points as numeric references (`&#146;` for ’); map 128-159 to what they meant.
    static func windows1252(_ value: UInt32) -> UInt32 {
        let table: [UInt32: UInt32] = [
            128: 0x20AC, 130: 0x201A, 131: 0x0192, 132: 0x201E, 133: 0x2026, 134: 0x2020, 135: 0x2021, 136: 0x02C6,
            137: 0x2030, 138: 0x0160, 139: 0x2039, 140: 0x0152, 142: 0x017D, 145: 0x2018, 146: 0x2019, 147: 0x201C,
            148: 0x201D, 149: 0x2022, 150: 0x2013, 151: 0x2014, 152: 0x02DC, 153: 0x2122, 154: 0x0161, 155: 0x203A,
            156: 0x0153, 158: 0x017E, 159: 0x0178,
        ]
        return table[value] ?? value
    }

    /// Collapses runs of spaces inside each line, trims lines and drops empty ones; tabs stay as cell separators.
    static func collapse(_ scalars: [Unicode.Scalar]) -> String {
        var result = String.UnicodeScalarView()
        var line: [Unicode.Scalar] = []
        func flush() {
            var start = 0
            var end = line.count
            while start < end, line[start] == " " || line[start] == "\t" { start += 1 }
            while end > start, line[end - 1] == " " || line[end - 1] == "\t" { end -= 1 }
            guard start < end else { line.removeAll(keepingCapacity: true); return }
            if !result.isEmpty { result.append("\n") }
            result.append(contentsOf: line[start..<end])
            line.removeAll(keepingCapacity: true)
        }
        for scalar in scalars {
            switch scalar {
            case "\n":
                flush()
            case "\t":
                // A cell boundary replaces any space before it and absorbs repeated boundaries.
                while line.last == " " { line.removeLast() }
                if line.last != "\t" { line.append("\t") }
            case " ", "\r", "\u{0B}", "\u{0C}":
                if let last = line.last, last != " ", last != "\t" { line.append(" ") }
            default:
                line.append(scalar)
            }
        }
        flush()
        return String(result)
    }

    /// The single pass over the document.
    struct Scanner {
        let input: [Unicode.Scalar]
        var index = 0
        var output: [Unicode.Scalar] = []
        var preDepth = 0

        init(_ input: [Unicode.Scalar]) {
            self.input = input
            output.reserveCapacity(input.count / 3)
        }

        mutating func run() {
            while index < input.count {
                let scalar = input[index]
                if scalar == "<" {
                    readMarkup()
                } else if scalar == "&" {
                    readEntity()
                } else {
                    appendText(scalar)
                    index += 1
                }
            }
        }

        mutating func appendText(_ scalar: Unicode.Scalar) {
            switch scalar {
            case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2002}", "\u{2003}", "\u{2009}":
                output.append(" ")
            case "\u{200B}", "\u{00AD}", "\u{FEFF}":
                break
            case "\n", "\r", "\t":
                output.append(preDepth > 0 && scalar == "\n" ? "\n" : " ")
            default:
                output.append(scalar)
            }
        }

        /// Decodes `&name;`, `&#123;` or `&#x7B;`; a bare `&` stays as it is.
        mutating func readEntity() {
            var end = index + 1
            while end < input.count, end - index <= 10, input[end] != ";", input[end] != "&", input[end] != "<",
                input[end] != " " {
                end += 1
            }
            guard end < input.count, input[end] == ";", end > index + 1 else {
                output.append("&")
                index += 1
                return
            }
            guard let decoded = HTMLText.entity(String(String.UnicodeScalarView(input[(index + 1)..<end]))) else {
                output.append("&")
                index += 1
                return
            }
            for scalar in decoded.unicodeScalars { appendText(scalar) }
            index = end + 1
        }

        /// Reads a tag, comment or declaration starting at `<` and acts on it.
        mutating func readMarkup() {
            if matches("<!--", at: index) {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? input.count
                return
            }
            guard index + 1 < input.count,
                input[index + 1].properties.isAlphabetic || input[index + 1] == "/" || input[index + 1] == "!"
                    || input[index + 1] == "?"
            else {
                output.append("<")
                index += 1
                return
            }
            let tagEnd = endOfTag(from: index + 1)
            let tag = Tag(String(String.UnicodeScalarView(input[(index + 1)..<min(tagEnd, input.count)])))
            index = min(tagEnd + 1, input.count)
            guard !tag.name.isEmpty else { return }
            if tag.isClosing {
                if tag.name == "pre" { preDepth = max(0, preDepth - 1) }
                if HTMLText.blockElements.contains(tag.name) { output.append("\n") }
                if tag.name == "td" || tag.name == "th" { output.append("\t") }
                return
            }
            let hides = HTMLText.skippedElements.contains(tag.name)
                || (tag.isHidden && !HTMLText.voidElements.contains(tag.name))
            if hides, !tag.isSelfClosing {
                let resume = index
                // An element never closed (malformed markup) hides nothing rather than the rest of the document.
                if !skipElement(named: tag.name) { index = resume }
                return
            }
            if HTMLText.blockElements.contains(tag.name) { output.append("\n") }
            if tag.name == "td" || tag.name == "th" { output.append("\t") }
            if tag.name == "pre" { preDepth += 1 }
        }

        /// Skips to the end tag that closes the element just opened, counting nested elements of the same name.
        /// Returns false when no such end tag exists.
        mutating func skipElement(named name: String) -> Bool {
            var depth = 1
            while index < input.count {
                guard let open = find("<", from: index) else { return false }
                if matches("<!--", at: open) {
                    index = find("-->", from: open + 4).map { $0 + 3 } ?? input.count
                    continue
                }
                let tagEnd = endOfTag(from: open + 1)
                let tag = Tag(String(String.UnicodeScalarView(input[(open + 1)..<min(tagEnd, input.count)])))
                index = min(tagEnd + 1, input.count)
                guard tag.name == name else { continue }
                if tag.isClosing {
                    depth -= 1
                    if depth == 0 { return true }
                } else if !tag.isSelfClosing {
                    depth += 1
                }
            }
            return false
        }

        /// The index of the `>` ending a tag whose name starts at `start`, honouring quoted attribute values.
        func endOfTag(from start: Int) -> Int {
            var quote: Unicode.Scalar?
            var position = start
            while position < input.count {
                let scalar = input[position]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    return position
                }
                position += 1
            }
            return input.count
        }

        func matches(_ literal: String, at position: Int) -> Bool {
            var offset = position
            for scalar in literal.unicodeScalars {
                guard offset < input.count, input[offset] == scalar else { return false }
                offset += 1
            }
            return true
        }

        func find(_ literal: String, from start: Int) -> Int? {
            guard let first = literal.unicodeScalars.first else { return nil }
            var position = start
            while position < input.count {
                if input[position] == first, matches(literal, at: position) { return position }
                position += 1
            }
            return nil
        }
    }

    /// What a tag's source text says: its lowercased name, whether it closes, and whether it is hidden.
    struct Tag {
        let name: String
        let isClosing: Bool
        let isSelfClosing: Bool
        let isHidden: Bool

        init(_ source: String) {
            var body = Substring(source)
            isClosing = body.hasPrefix("/")
            if isClosing { body = body.dropFirst() }
            isSelfClosing = body.hasSuffix("/")
            let nameEnd = body.firstIndex { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "/" }
                ?? body.endIndex
            name = body[..<nameEnd].lowercased()
            let attributes = body[nameEnd...].lowercased().replacingOccurrences(of: " ", with: "")
            isHidden = attributes.contains("display:none") || attributes.contains("visibility:hidden")
        }
    }
}
