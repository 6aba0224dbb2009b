import Foundation
import Testing
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite("Notice matcher")
struct NoticeMatcherTests {
    static let current = KnownName("Meta Platforms, Inc.", basis: .current, from: "2021-10-28", provenance: "EDGAR")
    static let former = KnownName("Facebook, Inc.", basis: .former, from: "2004-07-30", to: "2021-10-28", provenance: "EDGAR")
    static let brand = KnownName("Meta", basis: .brand, from: "2021-10-28", provenance: "the ticker META is the first word of its name")
    static let instagram = KnownName("Instagram, LLC", basis: .subsidiary, from: "2026-01-29", provenance: "Exhibit 21")
    static let meta = NoticeMatcher(names: [current, former, KnownName("META", basis: .ticker, provenance: "SEC ticker map"), brand])
    static let names = ["Meta Platforms, Inc.": current, "Facebook, Inc.": former, "Meta": brand]

    @Test("the watched company's own notices", arguments: [
        ("Meta Platforms, Inc.", "Meta Platforms, Inc."), ("META PLATFORMS INC", "Meta Platforms, Inc."),
        ("Facebook Inc", "Facebook, Inc."), ("Facebook, Inc.", "Facebook, Inc."),
        ("Meta Platforms Technologies, LLC", "Meta Platforms, Inc."), ("Meta USA", "Meta"), ("Meta", "Meta"),
        ("Meta Platforms, Inc. (formerly Facebook, Inc.) - New York City Region", "Meta Platforms, Inc."),
        ("Meta Platforms, Inc, (Alterra Pkwy.)", "Meta Platforms, Inc."), ("Meta Platforms, Inc.(W,6th)", "Meta Platforms, Inc."),
    ])
    func own(company: String, name: String) throws {
        #expect(Self.meta.match(company, on: "2022-11-09") == .match(try #require(Self.names[name])))
    }

    @Test("a brand alone is the company only as the whole name; under dba, at or for it is another employer")
    func brand() {
        #expect(Self.meta.match("Meta", on: "2026-05-20") == .match(Self.brand))
        #expect(Self.meta.match("ABM Industry Groups, LLC dba Meta", on: "2024-03-01") == .contractorAt(Self.brand))
        #expect(Self.meta.match("Compass Group USA for Meta", on: "2024-03-01") == .contractorAt(Self.brand))
        #expect(Self.meta.match("Bon Appetit X at Meta", on: "2024-03-01") == .contractorAt(Self.brand))
        #expect(Self.meta.match("Metaforma GmbH", on: "2024-03-01") == .none)
        #expect(Self.meta.match("Meta Materials Inc", on: "2024-03-01") == .none)
        #expect(Self.meta.match("Meta Company", on: "2018-09-04") == .none)
        // A ticker is never a name in a notice: "META" alone matches only as the brand, when it holds.
        #expect(NoticeMatcher(names: [KnownName("META", basis: .ticker, provenance: "map")]).match("Meta") == .none)
    }

    @Test("a subsidiary from Exhibit 21 is the company's own, and its dba does not make it a contractor")
    func subsidiary() {
        let matcher = NoticeMatcher(names: [Self.current, Self.former, Self.brand, Self.instagram])
        #expect(matcher.match("Instagram LLC", on: "2023-01-10") == .match(Self.instagram))
        #expect(matcher.match("Instagram LLC dba Facebook", on: "2023-01-10") == .match(Self.instagram))
        // Without the subsidiary, "X dba Facebook" is someone else working under the company's name.
        #expect(Self.meta.match("Instagram LLC dba Facebook", on: "2023-01-10") == .contractorAt(Self.former))
    }

    @Test("every name says why it counts")
    func reasons() {
        #expect(Self.former.reason == "former name (until 2021-10-28)")
        #expect(Self.brand.reason.hasPrefix("brand (the ticker META"))
        #expect(Self.instagram.reason == "subsidiary (Exhibit 21)")
        #expect(NoticeMatch.contractorAt(Self.brand).name == Self.brand)
    }

    @Test("contractors at the watched company", arguments: [
        ("Aramark at Facebook", "Facebook, Inc."), ("Bon Appetit X at Meta", "Meta"),
        ("Guckenheimer c/o Meta Platforms", "Meta Platforms, Inc."), ("Compass Group @ Meta", "Meta"),
        ("Flagship Facility Services Inc. at Meta Platforms Inc.", "Meta Platforms, Inc."),
        ("Astreya Partners, LLC at Meta Platforms Inc. facility", "Meta Platforms, Inc."),
        ("Restec Contractors Inc. at Facebook FRE 114", "Facebook, Inc."),
        ("Restec Contractors Inc. at Facebook SUN101", "Facebook, Inc."),
        ("Anning-Johnson Company-Facebook", "Facebook, Inc."),
        ("Restec Contractors Inc. at Facebook SUN101 HVAC", "Facebook, Inc."),
    ])
    func contractors(company: String, name: String) throws {
        #expect(Self.meta.match(company, on: "2022-11-09") == .contractorAt(try #require(Self.names[name])))
    }

    @Test("unrelated companies, however similar", arguments: [
        "Metal Works Inc", "Metamorphosis Inc", "Meta Materials Inc", "MetaBank", "Facebook Marketplace Sellers Association",
        "Hotel Managers Group at the DoubleTree Hotel", "X at Meta Materials plant", "Metro Meta Systems", "",
    ])
    func unrelated(company: String) {
        #expect(Self.meta.match(company, on: "2022-11-09") == .none)
    }

    @Test("a name used only since a date does not match earlier notices")
    func datedName() {
        #expect(Self.meta.match("Meta Company", on: "2018-09-04") == .none)
        #expect(Self.meta.match("Meta Company", on: "2022-01-10") == .match(Self.brand))
        #expect(NoticeMatcher(names: ["Meta"]).match("Meta Company").name?.name == "Meta")
    }

    @Test("real rows: the FY 2021-22 workbook, the 2018-20 PDFs and BLN's FY 2022-23 Meta rows")
    func realRows() throws {
        var companies: [(String, String?)] = []
        if let url = SharedData.file("warn/ca/edd_raw_2022-02-05/WARN_Report.xlsx") {
            let result = try CaliforniaWarnWorkbook.parse(try Data(contentsOf: url), source: "WARN_Report.xlsx")
            let hits = result.notices.filter { Self.meta.match($0.company, on: $0.noticeDate) != .none }
            print("FY 2021-22 workbook: \(result.notices.count) rows, \(hits.count) Meta/Facebook rows")
            #expect(hits.isEmpty)
            let doubleTree = NoticeMatcher(names: ["DoubleTree"]).match(result.notices[0].company)
            #expect(doubleTree.name?.name == "DoubleTree")
            #expect(doubleTree != .none && doubleTree != .match(KnownName("DoubleTree", basis: .current, provenance: "given")))
        }
        for name in ["WARN-Report-for-7-1-2018-to-06-30-2019.pdf", "WARN-Report-for-7-1-2019-to-6-30-2020.pdf"] {
            guard let url = SharedData.file("warn/ca/edd_raw_2022-02-05/\(name)") else { continue }
            let text = try PDFText.extract(try Data(contentsOf: url), source: name)
            companies += CaliforniaWarnPDF.parse(text: text, source: name).notices.map { ($0.company, $0.noticeDate) }
        }
        if !companies.isEmpty {
            let outcomes = companies.map { Self.meta.match($0.0, on: $0.1) }
            let contractors = zip(companies, outcomes).filter { if case .contractorAt = $1 { return true } else { return false } }.map(\.0.0)
            print("FY 2018-20 PDFs: \(outcomes.filter { if case .match = $0 { return true } else { return false } }.count) own, \(contractors.count) contractor rows: \(contractors)")
            #expect(!outcomes.contains { if case .match = $0 { return true } else { return false } })
            #expect(contractors.count == 4)
            #expect(contractors.allSatisfy { $0.contains("Facebook") })
            // FY 2018-19 lists "Meta Company" (an AR start-up, 2018): not Meta Platforms, thanks to the name's date.
            let metaCompany = try #require(companies.first { $0.0 == "Meta Company" })
            #expect(Self.meta.match(metaCompany.0, on: metaCompany.1) == .none)
        }
        guard let excerpt = SharedData.file("warn/ca/bln_warn-github-flow_excerpt/meta_related_rows_fy2022-23.csv"),
              let table = CSVTable(text: try String(contentsOf: excerpt, encoding: .utf8)),
              let company = table.column("company"), let date = table.column("notice_date") else { return }
        let outcomes = table.records.map { Self.meta.match($0.fields[company], on: WarnText.isoDate($0.fields[date])) }
        let own = outcomes.filter { $0 == .match(Self.current) }.count
        let contractors = outcomes.filter { $0 == .contractorAt(Self.current) }.count
        print("BLN FY 2022-23 Meta rows: \(table.records.count) rows, \(own) own, \(contractors) contractor")
        #expect(own == 97 && contractors == 13 && own + contractors == table.records.count)
    }
}
