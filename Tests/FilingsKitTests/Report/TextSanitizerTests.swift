import Testing

@testable import FilingsFormats
@testable import FilingsKit

@Suite struct TextSanitizerTests {
    @Test(arguments: [
        ("Evil\u{1B}[31mRed\u{1B}[0m", "EvilRed"),  // CSI colour
        ("A\u{1B}[2J\u{1B}[HB", "AB"),  // clear screen, cursor home
        ("A\u{1B}]0;window title\u{07}B", "AB"),  // OSC ended by BEL
        ("A\u{1B}]8;;https://x.example\u{1B}\\link\u{1B}]8;;\u{1B}\\B", "AlinkB"),  // OSC 8 hyperlink ended by ST
        ("A\u{1B}P+q\u{1B}\\B", "AB"),  // DCS
        ("A\u{9B}2JB", "AB"),  // one-scalar C1 CSI
        ("A\u{9D}0;t\u{9C}B", "AB"),  // one-scalar C1 OSC and ST
        ("A\u{1B}(BB", "AB"),  // charset selection
        ("A\u{1B}cB", "AB"),  // full reset
        ("A\u{1B}]0;no end", "A0;no end"),  // unterminated: only the introducer goes
        ("A\u{1B}", "A"),
        ("A\u{0}B\u{7}C\u{7F}D\u{85}E", "ABCD E"),  // NUL, BEL, DEL removed; NEL is a line break
        ("Line one\r\nLine two\rthree\nfour", "Line one Line two three four"),
        ("Name\u{2028}Other\u{2029}End", "Name Other End"),
        ("  Meta \t  Platforms\u{A0}Inc  ", "Meta Platforms Inc"),
        ("invoice\u{202E}fdp.exe", "invoicefdp.exe"),  // right-to-left override
        ("\u{202A}a\u{202B}b\u{202C}c\u{202D}d", "abcd"),  // embeddings and overrides
        ("\u{2066}x\u{2067}y\u{2068}z\u{2069}", "xyz"),  // isolates
        ("\u{200F}a\u{200E}b\u{61C}c", "abc"),  // bidi marks
        ("pay\u{200B}pal\u{2060}\u{FEFF}", "paypal"),  // zero-width space, word joiner, BOM
        ("ok\u{E0041}\u{E0042}", "ok"),  // tag characters
        ("Société Générale", "Société Générale"),
        ("株式会社東芝", "株式会社東芝"),
        ("شركة أرامكو", "شركة أرامكو"),
        ("Straße 👩\u{200D}💻 می\u{200C}خواهم", "Straße 👩\u{200D}💻 می\u{200C}خواهم"),  // ZWJ and ZWNJ are kept
        ("e\u{301}", "e\u{301}"),  // combining accent kept
    ])
    func singleLine(input: String, expected: String) {
        #expect(TextSanitizer.singleLine(input) == expected)
    }

    @Test func multiLineKeepsLinesAndDropsTheRest() {
        let input = "\n\nFirst line \u{1B}[1mbold\u{1B}[0m  \r\nsecond\rthird\n\n\n\nfourth\u{202E}\u{0}\t\n\n"
        #expect(TextSanitizer.multiLine(input) == "First line bold\nsecond\nthird\n\nfourth")
    }

    @Test func outputNeverHoldsControlOrBidiScalars() {
        var hostile = ""
        for value in UInt32(0)...0xA0 { hostile.unicodeScalars.append(Unicode.Scalar(value) ?? "?") }
        hostile += "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
        for text in [TextSanitizer.singleLine(hostile), TextSanitizer.multiLine(hostile)] {
            let bad = text.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            }
            #expect(bad.isEmpty, "left: \(bad.map { String($0.value, radix: 16) })")
        }
        #expect(!TextSanitizer.singleLine(hostile).contains("\n"))
    }
}
