import Foundation
import Testing
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("California WARN PDFs", .tags(.corpus))
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
            #expect(result.diagnostics.isEmpty)
            #expect(agreement.rows == agreement.peerRows, "\(url.lastPathComponent)")
            // Keys are unique; rows repeating every key field (same company, dates and city) are told apart by count and order.
            #expect(Set(result.notices.map(\.key)).count == result.notices.count)
            let baseKeys = result.notices.map {
                WarnNoticeKey.key(company: $0.company, noticeDate: $0.noticeDate, effectiveDate: $0.effectiveDate, receivedDate: $0.receivedDate, site: $0.city ?? $0.county ?? "")
            }
            print("  \(baseKeys.count - Set(baseKeys).count) rows repeat the key fields of an earlier row")
            // Two rows in all differ, both a city printed once in the file and glued to the company
            // by a single space ("... Reyn Franca Denair", "BOWHEAD SUPPORT GROUP, LLC Herlong").
            #expect(agreement.identical >= agreement.rows - 1, "\(url.lastPathComponent)")
            // The report's own "Total" line states the employees affected.
            if let total = Self.statedTotalEmployees(text) {
                let sum = result.notices.compactMap(\.employees).reduce(0, +)
                let peerSum = peer.compactMap(\.employees).reduce(0, +)
                print("  stated total employees \(total), sum of rows \(sum), peer \(peerSum)")
                // FY 2017-18 states 59,192 but its rows add up to 59,240 (ours and the peer's alike).
                #expect(sum == total || sum == peerSum, "\(url.lastPathComponent)")
            }
        }
    }

    /// The employees figure of the summary's "Total <notices> <employees> ..." line.
    static func statedTotalEmployees(_ text: String) -> Int? {
        for line in text.split(separator: "\n").reversed() {
            let words = line.split(separator: " ")
            if words.first == "Total", words.count > 2 { return WarnText.count(String(words[2])) }
        }
        return nil
    }

    @Test("an HTML error page saved as .pdf is refused with an error naming the file")
    func htmlSavedAsPDF() throws {
        guard let url = SharedData.files(under: "warn/ca/edd_raw_2022-02-05").first(where: { $0.lastPathComponent.contains("is-html-error-page") }) else { return }
        let data = try Data(contentsOf: url)
        #expect {
            try PDFText.extract(data, source: "WARN-Report-for-7-1-2020-to-06-30-2021.pdf")
        } throws: { error in
            guard let error = error as? PDFTextError, case .notAPDF = error else { return false }
            return error.localizedDescription.contains("WARN-Report-for-7-1-2020-to-06-30-2021.pdf")
        }
        #expect(PDFText.looksLikePDF(Data("%PDF-1.4\n".utf8)))
        #expect(!PDFText.looksLikePDF(Data()))
    }

    @Test("the datahoarder PDFs: our extraction parses like their pdftotext output; spot checks")
    func datahoarderPDFs() throws {
        let pdfs = SharedData.files(under: "warn/ca/datahoarder_2012-2016/pdfs")
        for pdf in pdfs {
            let name = pdf.deletingPathExtension().lastPathComponent
            let ours = CaliforniaWarnPDF.parse(text: try PDFText.extract(try Data(contentsOf: pdf), source: pdf.lastPathComponent), source: pdf.lastPathComponent)
            #expect(ours.notices.count > 0, "\(name)")
            guard let textURL = SharedData.file("warn/ca/datahoarder_2012-2016/pdftotext-layout/\(name).txt") else { continue }
            let theirs = CaliforniaWarnPDF.parse(text: try String(contentsOf: textURL, encoding: .utf8), source: pdf.lastPathComponent)
            let same = zip(ours.notices, theirs.notices).filter { $0.company == $1.company && $0.city == $1.city && $0.employees == $1.employees && $0.effectiveDate == $1.effectiveDate }.count
            print("\(pdf.lastPathComponent): \(ours.notices.count) rows; from datahoarder's text \(theirs.notices.count), \(same) identical; diagnostics \(ours.diagnostics.count)")
            #expect(ours.notices.count == theirs.notices.count, "\(name)")
            // poppler versions place overlapping text boxes differently (the 2014 interim report
            // overprints wrapped names), so a few rows may differ between the two extractions.
            #expect(same * 100 >= ours.notices.count * 95, "\(name)")
        }
        guard let listing = SharedData.file("warn/ca/datahoarder_2012-2016/pdftotext-layout/eddwarncn13.txt") else { return }
        let result = CaliforniaWarnPDF.parse(text: try String(contentsOf: listing, encoding: .utf8), source: "eddwarncn13.pdf")
        let amcor = try #require(result.notices.first)
        #expect(amcor.company == "(MARFRED) AMCOR PACKAGING DISTRIBUTION")
        #expect(amcor.city == "LAKEVIEW TERRACE" && amcor.employees == 45 && amcor.effectiveDate == "2013-02-08")
        #expect(amcor.noticeDate == nil && amcor.layoffOrClosure == nil)
        let zynga = try #require(result.notices.last)
        #expect(zynga.company == "ZYNGA INC." && zynga.city == "SAN FRANCISCO" && zynga.employees == 218)
    }

    @Test("the 2019 mirror's interim FY 2018-19 report is contained in the full-year report")
    func interimAgainstFullYear() throws {
        guard let interimURL = SharedData.file("warn/ca/edd_site_mirror_2019/WARN_Report_for_7-1-2018_to_03-25-2019.pdf"),
              let fullURL = SharedData.file("warn/ca/edd_raw_2022-02-05/WARN-Report-for-7-1-2018-to-06-30-2019.pdf") else { return }
        let interim = CaliforniaWarnPDF.parse(text: try PDFText.extract(try Data(contentsOf: interimURL), source: "interim.pdf"), source: "interim.pdf")
        let full = CaliforniaWarnPDF.parse(text: try PDFText.extract(try Data(contentsOf: fullURL), source: "full.pdf"), source: "full.pdf")
        func site(_ notice: WarnNotice) -> String {
            "\(notice.company)|\(notice.noticeDate ?? "")|\(notice.receivedDate ?? "")|\(notice.city ?? "")|\(notice.employees ?? -1)"
        }
        let fullSites = Set(full.notices.map(site))
        let contained = interim.notices.filter { fullSites.contains(site($0)) }.count
        print("interim FY 2018-19: \(interim.notices.count) rows, \(contained) found unchanged in the full-year report of \(full.notices.count)")
        #expect(interim.diagnostics.isEmpty)
        #expect(interim.notices.count > 500)
        #expect(contained * 100 >= interim.notices.count * 95)
    }
}

@Suite("PDF text extraction")
struct PDFTextTests {
    @Test("a damaged PDF and a missing pdftotext are errors naming the file")
    func failures() {
        #expect {
            try PDFText.extract(Data("%PDF-1.4\ngarbage\n".utf8), source: "broken.pdf")
        } throws: { error in
            guard let error = error as? PDFTextError, case .failed = error else { return false }
            return error.localizedDescription.contains("broken.pdf")
        }
        #expect(throws: PDFTextError.failed(source: "x.pdf", reason: "no-such-pdftotext-here is not installed")) {
            try PDFText.extract(Data("%PDF-1.4\n".utf8), source: "x.pdf", executable: "no-such-pdftotext-here")
        }
    }

    @Test("notices encode to JSON and back; kind follows the wording")
    func codable() throws {
        let notice = WarnNotice(
            company: "Meta Platforms, Inc.", noticeDate: "2022-11-09", receivedDate: "2022-11-10", effectiveDate: "2023-01-09",
            employees: 1000, layoffOrClosure: "Closure Permanent", county: "San Mateo County", address: nil, city: "Menlo Park",
            industry: nil, sourceFile: "WARN_Report.xlsx", sourceRow: 5
        )
        #expect(notice.kind == .closure)
        #expect(WarnNotice.kind(of: "Layoff Unknown at this time") == .layoff)
        let decoded = try JSONDecoder().decode(WarnNotice.self, from: try JSONEncoder().encode(notice))
        #expect(decoded == notice)
    }
}
