import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsTestSupport

/// Compares `ItemSections` with edgar-crawler's item extraction (`8k-more/edgar-crawler/extracted_json`,
/// a peer's output) on the same primary documents.
@Suite(.tags(.corpus)) struct EdgarCrawlerComparisonTests {
    @Test func itemSetsAndClassificationsAgreeWithThePeer() throws {
        let extracted = SharedData.files(under: "edgar/8k-more/edgar-crawler/extracted_json")
        guard !extracted.isEmpty else { return }
        var sameItems = 0
        var sameKinds = 0
        var compared = 0
        var differences: [String] = []
        for jsonURL in extracted {
            let name = jsonURL.deletingPathExtension().lastPathComponent
            let raw = SharedData.files(under: "edgar/8k-more/edgar-crawler/raw").first { $0.deletingPathExtension().lastPathComponent == name }
            guard let raw, let peer = try JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL)) as? [String: Any] else { continue }
            compared += 1
            let peerItems = Set(peer.compactMap { key, value -> String? in
                guard key.hasPrefix("item_"), let text = value as? String, !text.isEmpty else { return nil }
                return String(key.dropFirst(5))
            })
            let data = try Data(contentsOf: raw)
            let filing = FilingText(submission: String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self))
            // The peer files a legacy "Item 5." under the key `item_5`.
            let ours = Set(filing.sections.map { $0.code.replacingOccurrences(of: "legacy-", with: "") })
            if ours == peerItems { sameItems += 1 } else { differences.append("\(name): ours \(ours.sorted()) peer \(peerItems.sorted())") }
            let peerSections = peerItems.sorted().compactMap { code in
                (peer["item_\(code)"] as? String).map { ItemSection(code: code.contains(".") ? code : "legacy-\(code)", heading: "", text: $0) }
            }
            let peerKinds = Set(FilingClassifier.classify(itemCodes: [], sections: peerSections, exhibits: []).map(\.kind))
            if peerKinds == Set(FilingClassifier.classify(filing).map(\.kind)) { sameKinds += 1 } else { differences.append("\(name): kinds differ on peer text") }
        }
        FileHandle.standardError.write(Data((
            "edgar-crawler comparison: same item set \(sameItems)/\(compared), same event kinds from its 5.02 text \(sameKinds)/\(compared)\n"
                + differences.map { "  \($0)\n" }.joined()).utf8))
        #expect(compared >= 45)
        #expect(Double(sameItems) >= 0.9 * Double(compared))
        #expect(Double(sameKinds) >= 0.9 * Double(compared))
    }
}
