import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("EDGAR file detection by content")
struct EDGARFileDetectorTests {
    @Test(
        "own fixtures, plain and gzip",
        arguments: [
            ("edgar/master.daily.idx", EDGARFileKind.masterIndex),
            ("edgar/master.quarterly.idx", .masterIndex),
            ("edgar/form.overflow.idx", .formIndex),
            ("edgar/company.wrapped.idx", .companyIndex),
            ("edgar/CIK0000000042.json", .submissions),
            ("edgar/CIK0000000042-submissions-001.json", .submissionsPage),
            ("edgar/company_tickers.json", .tickers),
            ("edgar/company_tickers_exchange.json", .tickersExchange),
        ])
    func fixtures(name: String, kind: EDGARFileKind) throws {
        let data = try SharedData.fixture(name)
        #expect(EDGARFileDetector.detect(data) == kind)
        #expect(EDGARFileDetector.detect(StoredGzip.encode(data)) == kind)
    }

    @Test(
        "not EDGAR data",
        arguments: ["", "<html><body>Access Denied</body></html>", #"{"a":1}"#, "[1]", "hello\nworld\n"])
    func unknown(text: String) {
        #expect(EDGARFileDetector.detect(Data(text.utf8)) == nil)
    }

    @Test("every real index, submissions file and ticker map is recognized")
    func realCorpus() throws {
        let expectations: [(String, EDGARFileKind)] = [
            ("master.", .masterIndex), ("form.", .formIndex), ("company.", .companyIndex),
        ]
        for url in SharedData.files(under: "edgar/index").filter({ $0.pathExtension == "idx" }) {
            let kind = expectations.first { url.lastPathComponent.hasPrefix($0.0) }?.1
            #expect(EDGARFileDetector.detect(try Data(contentsOf: url)) == kind, "\(url.lastPathComponent)")
        }
        for url in SharedData.files(under: "edgar/submissions") {
            let kind: EDGARFileKind = url.lastPathComponent.contains("-submissions-") ? .submissionsPage : .submissions
            #expect(EDGARFileDetector.detect(try Data(contentsOf: url)) == kind, "\(url.lastPathComponent)")
        }
        for url in SharedData.files(under: "edgar/tickers") {
            let kind: EDGARFileKind = url.lastPathComponent.contains("exchange") ? .tickersExchange : .tickers
            #expect(EDGARFileDetector.detect(try Data(contentsOf: url)) == kind, "\(url.lastPathComponent)")
        }
        for url in SharedData.files(under: "edgar/index/listing") + SharedData.files(under: "edgar/http") {
            #expect(EDGARFileDetector.detect(try Data(contentsOf: url)) == nil, "\(url.lastPathComponent)")
        }
    }
}
