import Foundation
import Testing
@testable import FilingsKit

@Suite("California WARN PDFs")
struct CaliforniaWarnPDFTests {
    /// Row-by-row agreement with the peer for one file, field by field.
    struct Agreement: CustomStringConvertible {
        var rows = 0, peerRows = 0, identical = 0
        var company = 0, city = 0, county = 0, employees = 0, dates = 0, layoff = 0
        var examples: [String] = []

        var description: String {
            "\(rows) rows (peer \(peerRows)), \(identical) identical; same company \(company), city \(city), county \(county), employees \(employees), dates \(dates), layoff/closure \(layoff)"
        }
    }

    static func compare(_ ours: [WarnNotice], _ peer: [PeerWarnRow]) -> Agreement {
        var agreement = Agreement(rows: ours.count, peerRows: peer.count)
        for (notice, row) in zip(ours, peer) {
            let company = notice.company == WarnText.clean(row.company)
            let city = (notice.city ?? "") == WarnText.collapse(row.city)
            let county = (notice.county ?? "") == WarnText.collapse(row.county)
            let employees = notice.employees == row.employees
            let dates = notice.noticeDate == row.noticeDate && notice.effectiveDate == row.effectiveDate && notice.receivedDate == row.receivedDate
            let layoff = (notice.layoffOrClosure ?? "") == WarnText.collapse(row.layoffOrClosure)
            agreement.company += company ? 1 : 0
            agreement.city += city ? 1 : 0
            agreement.county += county ? 1 : 0
            agreement.employees += employees ? 1 : 0
            agreement.dates += dates ? 1 : 0
            agreement.layoff += layoff ? 1 : 0
            if company, city, county, employees, dates, layoff {
                agreement.identical += 1
            } else if agreement.examples.count < 12 {
                agreement.examples.append("line \(notice.sourceRow): [\(notice.company)|\(notice.city ?? "")|\(notice.county ?? "")|\(notice.employees.map(String.init) ?? "")|\(notice.layoffOrClosure ?? "")] peer [\(row.company)|\(row.city)|\(row.county)|\(row.employees.map(String.init) ?? "")|\(row.layoffOrClosure)]")
            }
        }
        return agreement
    }

    @Test("every real EDD fiscal-year PDF parses; rows agree with warn-scraper's")
    func realPDFsAgainstPeer() throws {
        let urls = SharedData.files(under: "warn/ca/edd_raw_2022-02-05").filter { $0.pathExtension == "pdf" }
        guard !urls.isEmpty, let peerRows = try PeerWarnRow.load() else { return }
        for url in urls {
            let text = try PDFText.extract(try Data(contentsOf: url), source: url.lastPathComponent)
            let result = CaliforniaWarnPDF.parse(text: text, source: url.lastPathComponent)
            let peer = peerRows.filter { $0.sourceFile == url.lastPathComponent }
            let agreement = Self.compare(result.notices, peer)
            print("\(url.lastPathComponent): \(agreement); diagnostics \(result.diagnostics.count)")
            for example in agreement.examples { print("  \(example)") }
            #expect(!result.notices.isEmpty)
            #expect(abs(result.notices.count - peer.count) <= 1, "\(url.lastPathComponent)")
        }
    }
}
