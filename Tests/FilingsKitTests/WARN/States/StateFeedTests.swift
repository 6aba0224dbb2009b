import FilingsFormats
import FilingsModel
import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

/// Every state feed of `Feeds/` against a fixture of ours in the state's format, and against the
/// state's real material in `../shared/data` (warn-scraper's export of it, which keeps its headers).
@Suite struct StateFeedTests {
    static let catalog: FeedCatalog? = try? FeedCatalog(directory: SharedData.packageRoot.appendingPathComponent("Feeds").path)
    static var stateFeeds: [FeedDefinition] { (catalog?.feeds ?? []).filter { $0.kind == .stateWarn } }
    static var publishing: [FeedDefinition] { stateFeeds.filter { $0.warn?.publishes == true } }

    @Test func everyStateFeedDeclaresItsStateAndLaw() throws {
        let catalog = try #require(Self.catalog)
        #expect(Self.stateFeeds.count >= 40)
        #expect(Self.publishing.count >= 25)
        for feed in Self.stateFeeds {
            let spec = try #require(feed.warn, "\(feed.id) has no warn block")
            #expect(feed.id == "\(spec.state.lowercased())-warn")
            #expect(feed.source.isStateWarn)
            #expect(spec.thresholds?.law.isEmpty == false, "\(feed.id) names no law")
            if spec.publishes {
                #expect(spec.columns[.company]?.isEmpty == false, "\(feed.id) maps no company column")
                #expect(spec.format != nil, "\(feed.id) declares no format")
                if let fetch = spec.fetch { _ = try feed.url(fetch.url, fetch.path, ["page": "1"]) }
            } else {
                #expect(spec.unpublished?.isEmpty == false, "\(feed.id) does not publish but says not why")
            }
        }
        #expect(catalog.feed(for: Source(rawValue: "wy-warn"))?.warn?.publishes == false)
    }

    @Test(arguments: publishing.map(\.id))
    func readsItsFixture(_ id: String) throws {
        let feed = try #require(Self.catalog).feed(id: id)
        #expect(feed.warn?.publishes == true)
        let folder = SharedData.fixtures.appendingPathComponent("warn/states")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let name = try #require(names.first { $0.hasPrefix(id + ".") && !$0.hasSuffix(".expect.json") }, "no fixture for \(id)")
        var data = try Data(contentsOf: folder.appendingPathComponent(name))
        if name.hasSuffix(".xlsx.csv") {
            // The fixture holds the sheet's rows; the state sends a workbook of them.
            let table = try #require(CSVTable(text: String(decoding: data, as: UTF8.self)))
            data = try XlsxTestArchive.workbook(rows: [table.header] + table.records.map(\.fields))
        }
        let parsed = try #require(WarnTableReader(feed: feed)).parse(data, file: name)
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(id).expect.json"))) as? [String: Any]
        let expect = try #require(expected)
        #expect(parsed.notices.count == expect["rows"] as? Int, "\(id): rows")
        #expect(parsed.diagnostics.count == (expect["skipped"] as? Int ?? 0), "\(id): skipped \(parsed.diagnostics)")
        let first = try #require(parsed.notices.first)
        #expect(first.source == feed.source)
        for (field, value) in expect["first"] as? [String: Any] ?? [:] where field != "noticeId" {  // the state's id is not stored
            let actual: Any? = switch field {
            case "company": first.company
            case "noticeDate": first.noticeDate
            case "receivedDate": first.receivedDate
            case "effectiveDate": first.effectiveDate
            case "employees": first.employees
            case "city": first.city
            case "county": first.county
            case "address": first.address
            case "layoffOrClosure": first.layoffOrClosure
            case "industry": first.industry
            case "temporary": first.temporary
            case "amendment": first.amendment
            default: "unknown field \(field)"
            }
            let wanted: String = switch value {
            case is NSNull: "nil"
            case let flag as Bool where field == "temporary" || field == "amendment": String(flag)
            case let text as String where field == "temporary" || field == "amendment": WarnTableReader.flag(text).map(String.init) ?? "nil"
            default: "\(value)"
            }
            #expect(actual.map { "\($0)" } ?? "nil" == wanted, "\(id): first.\(field)")
        }
    }

    /// warn-scraper's export of each state keeps the state's headers: the feed's map must read it.
    @Test(.tags(.corpus), arguments: stateFeeds.map(\.id))
    func readsWarnScraperExport(_ id: String) throws {
        let code = String(id.prefix(2))
        guard let url = SharedData.file("warn/warn-transformer_raw_2022/\(code).csv") else { return }
        let data = try Data(contentsOf: url)
        guard data.count > 100 else { return }  // pa.csv is a broken, headerless export
        let feed = try #require(Self.catalog).feed(id: id)
        var spec = try #require(feed.warn)
        spec.format = .csv
        let parsed = try WarnTableReader(feed: id, source: feed.source, spec: spec).parse(data, file: url.lastPathComponent)
        let records = try #require(CSVTable(text: WarnTableGrid.text(data))).records.count
        // Rows without any date are the only ones skipped; a map that misses a column reads far fewer.
        #expect(parsed.notices.count * 10 >= records * 7, "\(id): read \(parsed.notices.count) of \(records), skipped \(parsed.diagnostics.count)")
        #expect(parsed.notices.allSatisfy { $0.source == feed.source })
    }
}
