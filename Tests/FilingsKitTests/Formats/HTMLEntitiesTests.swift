import Testing

@testable import FilingsFormats

/// Names and page titles are decoded by the same entity table as a filing's text.
@Suite struct HTMLEntitiesTests {
    @Test(arguments: [
        ("Procter &amp; Gamble", "Procter & Gamble"),
        ("Macy&rsquo;s, Inc.", "Macy\u{2019}s, Inc."),
        ("MACY&RSQUO;S", "MACY\u{2019}S"),
        ("Macy&#39;s", "Macy's"),
        ("Macy&#146;s", "Macy\u{2019}s"),  // a Windows-1252 code point, as old filings write it
        ("Soci&#xE9;t&eacute; G&#233;n&eacute;rale", "Société Générale"),
        ("AT&T", "AT&T"),
        ("A &amp B", "A &amp B"),
        ("R&D &unknown; Co", "R&D &unknown; Co"),
        ("&&amp;", "&&"),
        ("trailing &", "trailing &"),
    ])
    func namesDecodeAsTextDoes(_ raw: String, _ expected: String) {
        #expect(HTMLText.decodeEntities(raw) == expected)
        #expect(HTMLText.plainText(raw) == expected)
    }
}
