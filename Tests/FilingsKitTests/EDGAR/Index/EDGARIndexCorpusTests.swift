import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// Every index in the real corpus (`../shared/data/edgar/index`); skipped when it is absent.
@Suite("EDGAR index parser (real corpus)", .tags(.corpus))
struct EDGARIndexCorpusTests {
    /// Rows and form-8-K rows per file, counted independently with awk over the files.
    struct Expected {
        var kind: IndexParseReport.Kind
        var period: IndexParseReport.Period
        var rows: Int
        var eightK: Int
    }

    static let expected: [String: Expected] = [
        "daily/master.20200103.idx": Expected(kind: .master, period: .daily, rows: 7_989, eightK: 166),
        "daily/master.20181231.fragment.idx": Expected(kind: .master, period: .daily, rows: 10, eightK: 1),
        "daily/form.20200318.idx": Expected(kind: .form, period: .daily, rows: 4_084, eightK: 232),
        "daily/company.20200102.idx": Expected(kind: .company, period: .daily, rows: 4_441, eightK: 166),
        "daily/company.20221003.idx": Expected(kind: .company, period: .daily, rows: 4_925, eightK: 280),
        "quarterly/master.1993QTR4.fragment.idx": Expected(kind: .master, period: .quarterly, rows: 20, eightK: 1),
        "quarterly/form.2021QTR1.fragment.idx": Expected(kind: .form, period: .quarterly, rows: 10, eightK: 0),
        "quarterly/form.empty-2025-03-29.idx": Expected(kind: .form, period: .quarterly, rows: 0, eightK: 0),
    ]

    @Test("every real index parses completely, with the independently counted rows")
    func everyIndex() throws {
        let files = SharedData.files(under: "edgar/index").filter { $0.pathExtension == "idx" }
        guard !files.isEmpty else { return }
        #expect(files.count == Self.expected.count)
        for url in files {
            let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
            let expected = try #require(Self.expected[name], "no expectation for \(name)")
            let (entries, report) = try EDGARIndexParser.entries(Data(contentsOf: url), source: name)
            #expect(report.kind == expected.kind, "\(name)")
            #expect(report.period == expected.period, "\(name)")
            #expect(report.rowsSeen == expected.rows, "\(name)")
            #expect(report.rowsKept == expected.rows, "\(name)")
            #expect(report.malformedCount == 0, "\(name): \(report.malformed)")
            #expect(entries.filter { $0.form == "8-K" }.count == expected.eightK, "\(name)")
            for entry in entries {
                #expect(entry.path == "edgar/data/\(entry.cik)/\(entry.accession).txt", "\(name): \(entry)")
                #expect(
                    entry.dateFiled.count == 10 && (entry.dateFiled.hasPrefix("19") || entry.dateFiled.hasPrefix("20")),
                    "\(name): \(entry)")
                #expect(!entry.companyName.isEmpty && !entry.companyName.hasSuffix(" "), "\(name): \(entry)")
            }
        }
    }

    @Test("master.20200103.idx: 166 8-K and 13 8-K/A rows; the first three rows are kept")
    func dailyMaster() throws {
        guard let url = SharedData.file("edgar/index/daily/master.20200103.idx") else { return }
        let data = try Data(contentsOf: url)
        let (eightKs, report) = try EDGARIndexParser.entries(data, source: url.path) { Filing.isCurrentReportForm($0) }
        #expect(report.rowsSeen == 7_989)
        #expect(report.rowsKept == 179)
        #expect(eightKs.filter { $0.form == "8-K" }.count == 166)
        #expect(eightKs.filter { $0.form == "8-K/A" }.count == 13)

        let (all, _) = try EDGARIndexParser.entries(data, source: url.path)
        #expect(
            all.prefix(3).map(\.accession) == ["0001209191-20-000788", "0001209191-20-000796", "0001209191-20-000804"])
        #expect(all[0].companyName == "CORE LABORATORIES N V")
        #expect(all.contains { $0.companyName == #"UNIVERSAL DISPLAY CORP \PA\"# && $0.cik == 1_005_284 })
        // A daily index lists what was disseminated that day, some rows with older filing dates.
        #expect(all.contains { $0.form == "CORRESP" && $0.dateFiled == "2019-10-04" })
        #expect(all.last?.companyName == "BARNES GROUP INC")
    }

    @Test("company.20221003.idx: wrapped column header, columns split at the header's positions")
    func wrappedCompanyIndex() throws {
        guard let url = SharedData.file("edgar/index/daily/company.20221003.idx") else { return }
        let (entries, report) = try EDGARIndexParser.entries(Data(contentsOf: url), source: url.path)
        #expect(report.kind == .company)
        #expect(report.lastDataReceived == "Oct  3, 2022")
        let first = try #require(entries.first)
        #expect(
            first
                == IndexEntry(
                    cik: 1_700_461, companyName: "1st stREIT Office Inc.", form: "1-A POS", dateFiled: "2022-10-03",
                    path: "edgar/data/1700461/0001104659-22-105357.txt", accession: "0001104659-22-105357"))
    }

    @Test("form.20200318.idx and the unpadded quarterly fragment")
    func formIndexes() throws {
        if let url = SharedData.file("edgar/index/daily/form.20200318.idx") {
            let (entries, _) = try EDGARIndexParser.entries(Data(contentsOf: url), source: url.path) { $0 == "8-K" }
            #expect(entries.first?.companyName == "1Life Healthcare Inc")
            #expect(entries.first?.cik == 1_404_123)
        }
        if let url = SharedData.file("edgar/index/quarterly/form.2021QTR1.fragment.idx") {
            let (entries, report) = try EDGARIndexParser.entries(Data(contentsOf: url), source: url.path)
            #expect(report.lastDataReceived == "March 31, 2021")
            #expect(entries.first?.companyName == "A-Game Beverages, Inc.")
            #expect(entries.first?.dateFiled == "2021-02-05")
        }
    }

    @Test("directory listings and HTTP error bodies are refused, not read as empty indexes")
    func notIndexes() throws {
        let pages =
            SharedData.files(under: "edgar/index/listing")
            + [
                SharedData.file("edgar/http/rate-exceeded.html"),
                SharedData.file("edgar/http/full-index_2099_QTR1_form.gz.403.body"),
                SharedData.file("edgar/http/full-index_2025_QTR1_form.gz.304.body"),
            ].compactMap { $0 }
        for url in pages {
            #expect(throws: EDGARFormatError.self, "\(url.lastPathComponent)") {
                try EDGARIndexParser.parse(Data(contentsOf: url), source: url.path) { _ in }
            }
        }
    }
}
