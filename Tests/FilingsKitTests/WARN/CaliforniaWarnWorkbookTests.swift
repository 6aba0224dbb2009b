import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("California WARN workbook")
struct CaliforniaWarnWorkbookTests {
    @Test("the real EDD workbook matches warn-scraper's rows one for one")
    func realWorkbookAgainstPeer() throws {
        guard let url = SharedData.file("warn/ca/edd_raw_2022-02-05/WARN_Report.xlsx"),
              let peerRows = try PeerWarnRow.load() else { return }
        let result = try CaliforniaWarnWorkbook.parse(try Data(contentsOf: url), source: "WARN_Report.xlsx")
        let peer = peerRows.filter { $0.sourceFile == "WARN_Report.xlsx" }
        #expect(result.diagnostics.isEmpty)
        #expect(result.notices.count == peer.count)
        var identical = 0
        var companyDiffers: [String] = []
        var entityDecoded = 0
        for (ours, theirs) in zip(result.notices, peer) {
            let sameDates = ours.noticeDate == theirs.noticeDate && ours.effectiveDate == theirs.effectiveDate
                && ours.receivedDate == theirs.receivedDate
            let sameCompany = ours.company == WarnText.collapse(theirs.company)
            let sameRest = ours.employees == theirs.employees && ours.layoffOrClosure == theirs.layoffOrClosure
                && ours.county == theirs.county && ours.address == WarnText.collapse(theirs.address)
            if sameDates, sameCompany, sameRest { identical += 1 }
            if !sameCompany {
                companyDiffers.append("\(ours.sourceRow): \(ours.company) | \(theirs.company)")
                // The peer keeps HTML entities (`Ingallina&rsquo;s`); we decode them.
                if ours.company == WarnText.clean(theirs.company), theirs.company.contains("&") { entityDecoded += 1 }
            }
            #expect(sameDates, "row \(ours.sourceRow): dates \(ours) vs \(theirs)")
            #expect(sameRest, "row \(ours.sourceRow): \(ours) vs \(theirs)")
        }
        print("CA workbook: \(result.notices.count) rows (peer \(peer.count)), \(identical) identical; company differs in \(companyDiffers.count): \(companyDiffers)")
        #expect(identical + entityDecoded == peer.count)
        #expect(entityDecoded == companyDiffers.count)
        // We keep the site: every row has an address and a city parsed from it; where street and city
        // are run together with single spaces ("... Suite 100 Irvine CA 92618") the city is one that
        // other rows of the report name.
        #expect(result.notices.allSatisfy { $0.address != nil })
        let withCity = result.notices.filter { $0.city != nil }.count
        print("CA workbook: city parsed for \(withCity) of \(result.notices.count) addresses")
        #expect(withCity == result.notices.count)
        let irvine = try #require(result.notices.first { $0.address == "15420 Laguna Canyon Road Suite 100 Irvine CA 92618" })
        #expect(irvine.city == "Irvine")
        #expect(Set(result.notices.map(\.key)).count == result.notices.count)
        let newark = try #require(result.notices.first)
        #expect(newark.city == "Newark" && newark.kind == .layoff && newark.sourceRow == 5)
    }
}

@Suite("WARN text helpers")
struct WarnTextTests {
    @Test("city is the part before CA <zip>, after two spaces or the last comma")
    func cityFromAddress() {
        #expect(WarnText.city(fromAddress: "39900 Balentine Drive  Newark CA 94560") == "Newark")
        #expect(WarnText.city(fromAddress: "Fort Hunter Liggett, Building 3360, Hunter Liggett Road  Jolon CA 93928") == "Jolon")
        #expect(WarnText.city(fromAddress: "1 Hacker Way, Menlo Park, CA 94025") == "Menlo Park")
        #expect(WarnText.city(fromAddress: "1 Hacker Way") == nil)
        let known: Set<String> = ["san jose", "jose", "bakersfield"]
        #expect(WarnText.city(fromAddress: "205 East Alma Avenue Warehouse E4 San Jose CA 95112", knownCities: known) == "San Jose")
        #expect(WarnText.city(fromAddress: "1 Main Street Fresno CA 93721", knownCities: known) == nil)
    }

    @Test("dates in the report's forms become ISO; impossible ones are refused")
    func dates() {
        #expect(WarnText.isoDate("6/25/2021") == "2021-06-25")
        #expect(WarnText.isoDate("4/29/14") == "2014-04-29")
        #expect(WarnText.isoDate("2021-06-25") == "2021-06-25")
        #expect(WarnText.isoDate("02/30/2021") == nil)
        #expect(WarnText.isoDate("Total") == nil)
    }

    @Test("the key is FNV-1a 64 and stable: known value, insensitive to legal suffix and spacing")
    func stableKey() {
        #expect(WarnNoticeKey.fnv1a64Hex("") == "cbf29ce484222325")
        #expect(WarnNoticeKey.fnv1a64Hex("a") == "af63dc4c8601ec8c")
        let first = WarnNoticeKey.key(company: "Meta Platforms, Inc.", noticeDate: "2022-11-09", effectiveDate: "2023-01-09", receivedDate: "2022-11-09", site: "1 Hacker Way  Menlo Park CA 94025")
        let second = WarnNoticeKey.key(company: "META PLATFORMS INC", noticeDate: "2022-11-09", effectiveDate: "2023-01-09", receivedDate: "2022-11-09", site: "1 Hacker Way Menlo Park CA 94025")
        let otherSite = WarnNoticeKey.key(company: "Meta Platforms, Inc.", noticeDate: "2022-11-09", effectiveDate: "2023-01-09", receivedDate: "2022-11-09", site: "1 Meta Way  Fremont CA 94555")
        #expect(first == second)
        #expect(first != otherSite)
        #expect(first.count == 16)
    }

    @Test("rows repeating every key field get distinct, stable keys in report order")
    func uniquing() {
        func row(_ employees: Int) -> WarnNotice {
            WarnNotice(company: "Sears, Roebuck and Co.", noticeDate: "2018-06-28", receivedDate: "2018-07-06", effectiveDate: "2018-09-30",
                       employees: employees, layoffOrClosure: "Closure Permanent", county: "Alameda County", address: nil,
                       city: "Newark", industry: nil, sourceFile: "x.pdf", sourceRow: employees)
        }
        let keys = WarnNoticeKey.uniquing([row(8), row(46), row(46)]).map(\.key)
        #expect(keys[0] == row(8).key && row(8).key == row(46).key)
        #expect(Set(keys).count == 3)
        #expect(WarnNoticeKey.uniquing([row(8), row(46), row(46)]).map(\.key) == keys)
    }
}
