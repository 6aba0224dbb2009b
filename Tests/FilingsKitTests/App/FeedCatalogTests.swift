import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite struct FeedCatalogTests {
    var packageFeeds: String { SharedData.packageRoot.appendingPathComponent("Feeds").path }

    /// One spelling: each shipped feed's file is named by its id, and its records' `source` is that id,
    /// but for EDGAR's feed, whose records are `sec-8k`.
    @Test func theShippedFeedsSpellEachSourceOneWay() throws {
        let catalog = try FeedCatalog(directory: packageFeeds)
        #expect(catalog.feeds.filter { $0.kind != .stateWarn }.map(\.id) == ["ca-warn", "eu-erm", "sec-edgar"])
        #expect(catalog.feeds.filter { $0.kind != .stateWarn }.map(\.source) == [.caWarn, .euErm, .sec8k])
        #expect(catalog.feeds.filter { $0.kind == .stateWarn }.allSatisfy { $0.source.rawValue == $0.id && $0.source.isStateWarn })
        #expect(catalog.feed(for: .caWarn)?.kind == .californiaWarn)
        #expect(catalog.feeds.allSatisfy { !($0.canShow ?? "").isEmpty }, "every feed says what it can show")
    }

    @Test func aFeedFileNamedOtherThanItsIdIsRefusedSayingWhatToRename() throws {
        let directory = try temporaryDirectory()
        let old = try Data(contentsOf: URL(fileURLWithPath: packageFeeds + "/ca-warn.json"))
        try old.write(to: directory.appendingPathComponent("ca-edd-warn.json"))
        #expect(throws: FeedError.misnamed(path: directory.path + "/ca-edd-warn.json", id: "ca-warn")) {
            try FeedCatalog(directory: directory.path)
        }
        #expect(FeedError.misnamed(path: "x/ca-edd-warn.json", id: "ca-warn").localizedDescription.contains("rename it ca-warn.json"))
    }
}
