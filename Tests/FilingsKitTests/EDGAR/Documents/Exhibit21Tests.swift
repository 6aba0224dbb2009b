import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("Exhibit 21 and filing index pages")
struct Exhibit21Tests {
    @Test("a 10-K's index page names its Exhibit 21 by type, not position")
    func indexPage() throws {
        let page = FilingIndexPage.parse(String(decoding: try SharedData.fixture("edgar/10k/0001326801-25-000017-index.htm"), as: UTF8.self))
        #expect(page.documents.map(\.type) == ["10-K", "EX-21.1", "EX-23.1", ""])
        #expect(page.exhibit21?.fileName == "meta-12312024xexhibit211.htm")
    }

    @Test("the real 8-K index page of the corpus lists its documents and has no Exhibit 21")
    func realIndexPage() throws {
        guard let url = SharedData.file("edgar/filings/0001628280-25-058337/0001628280-25-058337-index.html") else { return }
        let page = FilingIndexPage.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(page.documents.first?.fileName == "meta-20251219.htm")
        #expect(page.documents.first?.type == "8-K")
        #expect(page.documents.contains { $0.type == "GRAPHIC" })
        #expect(page.exhibit21 == nil)
    }

    @Test("an HTML table of subsidiaries: names only, header, note and blank rows left out")
    func htmlTable() throws {
        let names = Exhibit21.subsidiaries(String(decoding: try SharedData.fixture("edgar/10k/meta-12312024xexhibit211.htm"), as: UTF8.self))
        #expect(names == [
            "Edge Network Services Limited", "Facebook Operations, LLC", "Instagram, LLC", "Meta Platforms Ireland Limited",
            "Meta Platforms Technologies, LLC", "Scout Development LLC", "Siculus, Inc.", "WhatsApp LLC",
        ])
    }

    @Test("a plain-text exhibit: the name before the jurisdiction column or parentheses")
    func plainText() throws {
        let names = Exhibit21.subsidiaries(String(decoding: try SharedData.fixture("edgar/10k/exhibit21-plain.txt"), as: UTF8.self))
        #expect(names == ["Acme Data Services, Inc.", "Acme Data Europe B.V.", "Acme Holdings (UK) Limited", "Roadrunner Logistics LLC"])
    }
}
