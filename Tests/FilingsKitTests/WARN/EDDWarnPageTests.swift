import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("EDD WARN page links")
struct EDDWarnPageTests {
    @Test("report links are found, trimmed and resolved; other links are not")
    func ownPage() throws {
        let html = """
        <a href="warn/OptionalWARNForm.pdf">form</a>
        <a href="/jobs_and_training/warn/WARN_Report.xlsx">current</a>
        <A HREF='warn/WARN-Report-for-7-1-2020-to-06-30-2021.pdf '>FY 2020-21</A>
        <a href=warn/WARNReportfor7-1-2014to06-30-2015.pdf>FY 2014-15</a>
        <a href="https://edd.ca.gov/jobs_and_training/warn/WARN_Report.xlsx">again</a>
        <a href="warn/eddwarncn14.pdf">2014</a><a href="Layoff_Services_WARN.htm#x">anchor</a>
        """
        let base = try #require(URL(string: "https://edd.ca.gov/jobs_and_training/Layoff_Services_WARN.htm"))
        let links = EDDWarnPage.reportLinks(html: html, base: base).map(\.absoluteString)
        #expect(links == [
            "https://edd.ca.gov/jobs_and_training/warn/WARN_Report.xlsx",
            "https://edd.ca.gov/jobs_and_training/warn/WARN-Report-for-7-1-2020-to-06-30-2021.pdf",
            "https://edd.ca.gov/jobs_and_training/warn/WARNReportfor7-1-2014to06-30-2015.pdf",
            "https://edd.ca.gov/jobs_and_training/warn/eddwarncn14.pdf",
        ])
    }

    @Test("the 2019 mirror of the EDD page links seven reports")
    func realPage() throws {
        guard let url = SharedData.file("warn/ca/edd_site_mirror_2019/Layoff_Services_WARN.htm") else { return }
        let html = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let base = try #require(URL(string: "https://www.edd.ca.gov/Jobs_and_Training/Layoff_Services_WARN.htm"))
        let names = EDDWarnPage.reportLinks(html: html, base: base).map(\.lastPathComponent)
        #expect(names == [
            "WARN_Report_for_7-1-2018_to_03-25-2019.pdf", "WARN-Report-for-7-1-2017-to-06-30-2018.pdf",
            "WARN-Report-for-7-1-2016-to-06-30-2017.pdf", "WARN-Report-for-7-1-2015-to-06-30-2016.pdf",
            "WARNReportfor7-1-2014to06-30-2015.pdf", "WARN_Interim_041614_to_063014.pdf", "eddwarncn14.pdf",
        ])
        #expect(EDDWarnPage.reportLinks(html: html, base: base).allSatisfy { $0.host == "www.edd.ca.gov" && $0.path.hasPrefix("/Jobs_and_Training/warn/") })
    }
}
