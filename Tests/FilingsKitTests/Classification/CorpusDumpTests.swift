import Foundation
import Testing
@testable import FilingsKit

@Suite struct CorpusDump {
    @Test func dump() throws {
        guard ProcessInfo.processInfo.environment["FILINGS_DUMP"] != nil else { return }
        var out = ""
        let files = SharedData.files(under: "edgar/filings") + SharedData.files(under: "edgar/legacy_8k")
            + SharedData.files(under: "edgar/8k-more")
        for url in files where ["txt", "htm", "nc"].contains(url.pathExtension) {
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else { continue }
            let filing = FilingText(submission: text)
            out += "=== \(url.lastPathComponent) form=\(filing.header?.form ?? "-") items=\(filing.header?.itemCodes ?? []) sections=\(filing.sections.map { $0.code + ":" + String($0.text.count) })\n"
            for e in filing.events {
                out += "  [\(e.kind.rawValue)] \(e.summary) | person=\(e.person ?? "-") role=\(e.role ?? "-") date=\(e.effectiveDate ?? "-") emp=\(e.employees.map(String.init) ?? "-") pct=\(e.percentage.map { String($0) } ?? "-")\n     Q: \(e.quote)\n"
            }
        }
        try out.write(toFile: "/tmp/fb-dump.txt", atomically: true, encoding: .utf8)
        if let one = ProcessInfo.processInfo.environment["FILINGS_ONE"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: one))
            let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
            try FilingText(submission: text).primaryText.write(toFile: "/tmp/fb-one.txt", atomically: true, encoding: .utf8)
        }
    }
}
