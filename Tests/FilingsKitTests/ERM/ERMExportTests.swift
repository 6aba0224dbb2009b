import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The fixture `erm/factsheets.csv` follows the documented export (BOM, ISO dates, signed changes);
/// the first five events are real factsheets (id, company, country, type and change from Eurofound's
/// pages; sectors, and the dates the pages do not state, are illustrative), the others exercise the
/// format's traps.
@Suite("Eurofound ERM export")
struct ERMExportTests {
    static let site = URL(string: "https://apps.eurofound.europa.eu")

    @Test("events by header name, signed changes, quoted commas and line breaks, URLs")
    func fixture() throws {
        let site = try #require(Self.site)
        let result = try ERMExport.parse(try SharedData.fixture("erm/factsheets.csv"), source: "factsheets.csv", siteBase: site)
        #expect(result.events.map(\.id) == ["65103", "68786", "70929", "74437", "107969", "108001", "108002", "108003"])
        let o2 = try #require(result.events.first)
        #expect(o2 == ERMEvent(
            id: "65103", announcementDate: "2007-03-14", country: "Ireland", company: "O2", sector: "Telecommunications",
            restructuringType: "Internal restructuring", employmentChange: -100,
            url: "https://apps.eurofound.europa.eu/restructuring-events/detail/65103"
        ))
        #expect(result.events[3].employmentChange == 1000 && !result.events[3].isJobLoss)
        #expect(result.events[5].country == "European Union" && result.events[5].company == "Meta Platforms, Inc." && result.events[5].isJobLoss)
        let acme = result.events[6]
        #expect(acme.country == "World")
        #expect(acme.company == "Acme Holdings, \"Europe\" Division (formerly Acme Europe)")
        #expect(acme.employmentChange == -1200)
        #expect(result.events[7].employmentChange == nil)
        #expect(result.diagnostics.map(\.line) == [11, 12, 13, 14, 15])
        #expect(result.diagnostics[1].message.contains("01/05/2023"))
        #expect(result.diagnostics[4].message.contains("repeated"))
    }

    @Test("columns in another order and case, no BOM, CRLF, site base with a trailing slash")
    func reorderedColumns() throws {
        let csv = "employment change,COMPANY,Id,Country,Announcement Date\r\n-35,Nokia Oyj,1,Finland,2024-01-02\r\n"
        let site = try #require(URL(string: "https://dev.eurofound.europa.eu/"))
        let result = try ERMExport.parse(Data(csv.utf8), source: "x.csv", siteBase: site)
        #expect(result.events == [ERMEvent(id: "1", announcementDate: "2024-01-02", country: "Finland", company: "Nokia Oyj", sector: nil,
                                           restructuringType: nil, employmentChange: -35,
                                           url: "https://dev.eurofound.europa.eu/restructuring-events/detail/1")])
    }

    @Test("an unterminated quote is reported at its line, not read silently as one long company")
    func unterminatedQuote() throws {
        let site = try #require(Self.site)
        let csv = "Id,Announcement date,Country,Company,Sector,Restructuring type,Employment Change\n"
            + "1,2024-01-02,Finland,Nokia Oyj,Telecommunications,Internal restructuring,-35\n"
            + "2,2024-01-03,Sweden,\"Ericsson AB,Telecommunications,Internal restructuring,-1200\n"
            + "3,2024-01-04,Germany,SAP SE,Software,Internal restructuring,-50\n"
        let result = try ERMExport.parse(Data(csv.utf8), source: "x.csv", siteBase: site)
        #expect(result.events.map(\.id) == ["1"])
        #expect(result.diagnostics.map(\.line) == [3])
        #expect(result.diagnostics.first?.message.contains("unterminated quote") == true)
    }

    @Test("HTML instead of CSV, missing columns and non-UTF-8 bytes are errors naming the source")
    func unreadable() throws {
        let site = try #require(Self.site)
        let html = Data("\n<!DOCTYPE html><html><body>Service unavailable</body></html>".utf8)
        #expect(throws: ERMExportError.htmlInsteadOfCSV(source: "factsheetscsv")) {
            try ERMExport.parse(html, source: "factsheetscsv", siteBase: site)
        }
        #expect {
            try ERMExport.parse(Data("Id,Company\n1,X\n".utf8), source: "old.csv", siteBase: site)
        } throws: { error in
            guard let error = error as? ERMExportError, case let .missingColumns(_, missing, _) = error else { return false }
            return missing == ["announcementdate", "country"] && error.localizedDescription.contains("old.csv")
        }
        #expect(throws: ERMExportError.notUTF8(source: "latin1.csv")) {
            try ERMExport.parse(Data([0x49, 0x64, 0x0A, 0xE9, 0xFF]), source: "latin1.csv", siteBase: site)
        }
    }
}
