@testable import FilingsKit
import Foundation
import Testing
@testable import FilingsHTTP

/// Recognising HTML pages by their first bytes, and reading their titles.
@Suite("HTML sniffing")
struct HTMLSnifferTests {
    @Test("HTML openings are recognised after blanks and a byte order mark, in any case", arguments: [
        "<!DOCTYPE html>\n<html>", "\r\n\t  <html lang=\"en\">", "<HEAD><TITLE>x</TITLE>", "\u{FEFF}<!doctype HTML>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">",
    ])
    func recognisesHTML(text: String) {
        #expect(HTMLSniffer.isHTML(Data(text.utf8)))
    }

    @Test("data that merely mentions HTML is not HTML", arguments: [
        "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>", "{\"html\": \"<html>\"}",
        "Description: Master Index <html>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "%PDF-1.4", "PK\u{3}\u{4}", "",
    ])
    func rejectsData(text: String) {
        #expect(!HTMLSniffer.isHTML(Data(text.utf8)))
    }

    @Test("the title is read across lines, with entities decoded and blanks collapsed")
    func title() {
        let page = "<html><head><TITLE lang=\"en\">\n  SEC.gov &amp;\n  EDGAR  </title></head></html>"
        #expect(HTMLSniffer.title(Data(page.utf8)) == "SEC.gov & EDGAR")
        #expect(HTMLSniffer.title(Data("<html><body>no title</body></html>".utf8)) == "")
        #expect(HTMLSniffer.title(Data("<html><title>unclosed".utf8)) == "")
    }
}
