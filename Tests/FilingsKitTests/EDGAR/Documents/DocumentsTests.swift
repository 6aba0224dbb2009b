import Foundation
import Testing
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite struct SECHeaderParserTests {
    static let fullHeader = """
        <SEC-DOCUMENT>0000950137-05-004969.txt : 20050427
        <SEC-HEADER>0000950137-05-004969.hdr.sgml : 20050427
        <ACCEPTANCE-DATETIME>20050427122550
        ACCESSION NUMBER:\t\t0000950137-05-004969
        CONFORMED SUBMISSION TYPE:\t8-K
        CONFORMED PERIOD OF REPORT:\t20050426
        ITEM INFORMATION:\t\tDeparture of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers
        ITEM INFORMATION:\t\t
        FILED AS OF DATE:\t\t20050427

        FILER:

        \tCOMPANY DATA:
        \t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE CORP
        \t\tCENTRAL INDEX KEY:\t\t\t0001109357

        \tFORMER COMPANY:
        \t\tFORMER CONFORMED NAME:\tOLD EXAMPLE CO
        \t\tDATE OF NAME CHANGE:\t19920703
        </SEC-HEADER>
        <DOCUMENT>
        <TYPE>8-K
        """

    @Test func readsFullSubmissionHeaderWithOldTitle() throws {
        let header = try #require(SECHeaderParser.parse(Self.fullHeader))
        #expect(header.accession == "0000950137-05-004969")
        #expect(header.form == "8-K")
        #expect(header.filedAsOf == "2005-04-27")
        #expect(header.acceptedAt == "2005-04-27T12:25:50")
        #expect(header.period == "2005-04-26")
        #expect(header.itemCodes == ["5.02"])
        #expect(header.filers == [SECFiler(cik: 1_109_357, name: "EXAMPLE CORP", role: "FILER", formerNames: [FormerName(name: "OLD EXAMPLE CO", to: "1992-07-03")])])
    }

    @Test func readsOneLineDisseminationHeader() throws {
        let text = "<SUBMISSION>\n<ACCESSION-NUMBER>0001493152-25-001317<TYPE>8-K<PUBLIC-DOCUMENT-COUNT>14<PERIOD>20250106<ITEMS>5.02<ITEMS>9.01<FILING-DATE>20250108<FILER><COMPANY-DATA><CONFORMED-NAME>ACORN ENERGY, INC.<CIK>0000880984</COMPANY-DATA></FILER>\n<DOCUMENT>\n<TYPE>8-K\n"
        let header = try #require(SECHeaderParser.parse(text))
        #expect(header.itemCodes == ["5.02", "9.01"])
        #expect(header.filers.map(\.cik) == [880_984])
        #expect(header.acceptedAt == nil)
    }

    @Test func mapsTitlesOfBothErasAndLegacyItems() {
        #expect(EightKItems.code(forTitle: "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: Compensatory Arrangements of Certain Officers", filedAsOf: "2023-03-06") == "5.02")
        #expect(EightKItems.code(forTitle: "Cost Associated with Exit or Disposal Activities", filedAsOf: "2005-02-23") == "2.05")
        #expect(EightKItems.code(forTitle: "Regulation FD Disclosure", filedAsOf: "2025-04-15") == "7.01")
        #expect(EightKItems.code(forTitle: "Other Events", filedAsOf: "2024-03-08") == "8.01")
        #expect(EightKItems.code(forTitle: "Other events", filedAsOf: "2002-03-14") == "legacy-5")
        #expect(EightKItems.code(forTitle: "Resignations of Registrant's Directors", filedAsOf: "1999-01-01") == "legacy-6")
        #expect(EightKItems.code(forTitle: "7", filedAsOf: "1994-01-24") == "legacy-7")
        #expect(EightKItems.code(forTitle: "", filedAsOf: "2024-01-01") == nil)
    }

    @Test func formDItemsAreNotEightKItems() throws {
        let text = "<SUBMISSION>\n<ACCESSION-NUMBER>0002002260-24-000001\n<TYPE>D\n<ITEMS>06b\n<ITEMS>3C\n<FILING-DATE>20240111\n"
        let header = try #require(SECHeaderParser.parse(text))
        #expect(header.itemCodes.isEmpty)
        #expect(header.rawItems == ["06b", "3C"])
        #expect(!header.isEightKFamily)
    }

    @Test func readsEveryRealHeader() throws {
        let files = SharedData.files(under: "edgar/headers").filter { $0.pathExtension != "json" }
            + SharedData.files(under: "edgar/filings").filter { $0.pathExtension == "txt" }
            + SharedData.files(under: "edgar/legacy_8k")
        for url in files {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            let header = try #require(SECHeaderParser.parse(text), "\(url.lastPathComponent)")
            #expect(header.accession.count == 20, "\(url.lastPathComponent)")
            #expect(header.filedAsOf.count == 10, "\(url.lastPathComponent)")
            #expect(!header.filers.isEmpty, "\(url.lastPathComponent)")
        }
        if let url = SharedData.file("edgar/headers/23AndMe.index-headers.html") {
            let header = try #require(SECHeaderParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
            #expect(header.itemCodes == ["7.01", "9.01"])
            #expect(header.acceptedAt == "2024-06-03T08:06:02")
        }
        let expectations: [(String, [String])] = [
            ("edgar/filings/0000950137-05-004969/0000950137-05-004969.txt", ["5.02"]),  // PEM-wrapped, old 5.02 title
            ("edgar/legacy_8k/1001426_8K_2005_0001275287-05-000682.txt", ["2.05", "9.01"]),
            ("edgar/legacy_8k/109446_8K_1994_0000109446-94-000005.txt", ["legacy-5"]),
            ("edgar/legacy_8k/1001426_8K_2002_0001012870-02-001163.txt", ["legacy-5", "legacy-7"]),
            ("edgar/legacy_8k/1001136_8K_2000_0000950124-00-003635.txt", []),
            ("edgar/filings/0000066740-24-000023/0000066740-24-000023.txt", ["8.01"]),
            ("edgar/headers/0000929638-25-000114.nc", []),  // ABS-15G: its item 2.01 is not an 8-K item
        ]
        for (path, codes) in expectations {
            guard let url = SharedData.file(path) else { continue }
            let header = try #require(SECHeaderParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
            #expect(header.itemCodes == codes, "\(path)")
        }
        if let url = SharedData.file("edgar/headers/MultipleFormerCompaniesHeader.txt") {
            let header = try #require(SECHeaderParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self)))
            #expect(header.filers.first?.formerNames.count == 3)
        }
    }
}

@Suite struct SubmissionDocumentsTests {
    @Test func splitsDocumentsAndSkipsBinaries() {
        let text = """
            <SEC-HEADER>x</SEC-HEADER>
            <DOCUMENT>
            <TYPE>8-K
            <SEQUENCE>1
            <FILENAME>d1.htm
            <DESCRIPTION>FORM 8-K
            <TEXT>
            <html><body><p>Item 8.01 Other Events.</p></body></html>
            </TEXT>
            </DOCUMENT>
            <DOCUMENT>
            <TYPE>GRAPHIC
            <SEQUENCE>2
            <FILENAME>logo.jpg
            <TEXT>
            begin 644 logo.jpg
            M_]C_X``02D9)
            end
            </TEXT>
            </DOCUMENT>
            <DOCUMENT>
            <TYPE>EX-99.1
            <SEQUENCE>3
            <FILENAME>ex99.txt
            <TEXT>
            Press release text.
            </TEXT>
            </DOCUMENT>
            """
        let documents = SubmissionDocuments.split(text)
        #expect(documents.map(\.type) == ["8-K", "EX-99.1"])
        #expect(documents.first?.sequence == 1)
        #expect(documents.first?.description == "FORM 8-K")
        #expect(documents.first?.plainText == "Item 8.01 Other Events.")
        #expect(documents.last?.isPressReleaseExhibit == true)
        #expect(documents.last?.plainText == "Press release text.")
    }

    @Test func splitsEveryRealSubmission() throws {
        for url in SharedData.files(under: "edgar/filings").filter({ $0.pathExtension == "txt" }) {
            let documents = SubmissionDocuments.split(String(decoding: try Data(contentsOf: url), as: UTF8.self))
            #expect(documents.first.map { EightKItems.isEightKFamily($0.type) } == true, "\(url.lastPathComponent)")
            #expect(!documents.contains { $0.type == "GRAPHIC" || $0.type == "ZIP" })
        }
    }
}

@Suite struct HTMLTextTests {
    @Test func rendersBlocksEntitiesAndHidesHiddenParts() {
        let html = """
            <html><head><title>t</title><style>p{color:red}</style><script>var a = "<p>";</script></head><body>
            <div style="display: none"><ix:header><ix:hidden>dei stuff</ix:hidden></ix:header><div>hidden</div></div>
            <p>Caf&eacute;&nbsp;&amp;&#160;Co &#x2014; &ldquo;ok&rdquo; &bogus; AT&T</p>
            <table><tr><td>Item&#160;5.02</td><td>Departure</td></tr></table>
            <p>one   <b>two</b><br>three</p><!-- a comment -->
            </body></html>
            """
        #expect(HTMLText.plainText(html) == "Café & Co — “ok” &bogus; AT&T\nItem 5.02\tDeparture\none two\nthree")
    }

    @Test func windowsCodePointsInNumericReferences() {
        #expect(HTMLText.plainText("<p>the Company&#146;s &#147;Plan&#148; &#150; 2007</p>") == "the Company’s “Plan” – 2007")
    }

    @Test func unclosedHiddenElementHidesNothingElse() {
        #expect(HTMLText.plainText("<p>before</p><head><p>after</p>") == "before\nafter")
    }

    @Test func handlesLargeDocumentsInOnePass() {
        let html = String(repeating: "<p>The Company&#8217;s text &amp; more.</p>\n", count: 12_000)
        let text = HTMLText.plainText(html)
        #expect(html.utf8.count > 500_000)
        #expect(text.split(separator: "\n").count == 12_000)
    }
}

@Suite struct ItemSectionsTests {
    @Test func findsSpellingsAndSkipsTableOfContents() {
        let text = """
            Item 5.02 Departure of Directors
            Item 9.01 Financial Statements and Exhibits
            ITEM 5.02(b). Departure of Directors or Certain Officers
            On March 1, 2023, Jane Doe resigned.
            Items 7.01 and 8.01 – Regulation FD Disclosure; Other Events
            The Company announced a reduction in force.
            Item 9.01.
            Financial Statements and Exhibits
            (d) Exhibits
            SIGNATURES
            Pursuant to ...
            """
        let sections = ItemSections.find(in: text)
        #expect(sections.map(\.code) == ["5.02", "7.01", "8.01", "9.01"])
        #expect(sections[0].text == "On March 1, 2023, Jane Doe resigned.")
        #expect(sections[1].text == "The Company announced a reduction in force.")
        #expect(sections[3].heading == "Financial Statements and Exhibits")
        #expect(sections[3].text == "(d) Exhibits")
    }

    @Test func headingTitlesWithDashesAndParagraphLetters() {
        let sections = ItemSections.find(in: "Item 5.02(b), (c) and (e) Departure of Directors\nText one.\nItem 8.01 – Other Events\nText two.")
        #expect(sections.map(\.heading) == ["Departure of Directors", "Other Events"])
        #expect(sections.map(\.text) == ["Text one.", "Text two."])
    }

    @Test func readsLegacyHeadingsOnlyWithoutModernOnes() {
        let sections = ItemSections.find(in: "ITEM 5. OTHER EVENTS\nThe Company announced things.\nItem6 - Resignations of Registrant's Directors\nJohn Roe resigned.")
        #expect(sections.map(\.code) == ["legacy-5", "legacy-6"])
        #expect(ItemSections.find(in: "Item 5.02 Departure\nText.\nItem 5. Other").map(\.code) == ["5.02"])
    }
}
