import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// `ByteScan`'s C scan, vectorized and portable, against a plain Swift reading of the same bytes,
/// on random text dense in what it looks for: line feeds, blanks, carriage returns, `|8-K`.
@Suite struct ByteScanTests {
    static let pieces: [[UInt8]] = ["|8-K", "|8-K/A", "8-K", "|8-", "\n", "\r\n", " ", "\t", " \t\r\n", "\n\n", "|", "K", "1326801", "META", "-"]
        .map { Array($0.utf8) }

    static func text(_ random: inout SeededGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...120, using: &random) {
            bytes += pieces.randomElement(using: &random) ?? []
        }
        return bytes
    }

    /// The scan read the slow way: find the `|8-K`, then walk the lines before it as `LineCursor` would.
    static func reference(_ bytes: [UInt8], from: Int) -> ByteScan.FormScan {
        let marker = Array("|8-K".utf8)
        let form = bytes.count < 4 || from > bytes.count - 4 ? nil : (from...(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == marker }
        var scan = ByteScan.FormScan(form: form, lines: 0, blank: 0, next: from)
        for index in from..<max(from, form ?? bytes.count) where bytes[index] == 0x0A {
            var end = index
            if end > scan.next, bytes[end - 1] == 0x0D { end -= 1 }
            if bytes[scan.next..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { scan.blank += 1 }
            scan.lines += 1
            scan.next = index + 1
        }
        return scan
    }

    @Test(arguments: [false, true])
    func findsThe8KAndCountsTheLinesBeforeItAsTheSlowReadingDoes(bytewise: Bool) {
        var random = SeededGenerator(seed: 6)
        for _ in 0..<6_000 {
            let bytes = Self.text(&random)
            // `from` starts a line, as it always does in the stream.
            let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            let from = starts.randomElement(using: &random) ?? 0
            let scan = bytes.withUnsafeBufferPointer { ByteScan.toNextCurrentReportForm($0, from: from, bytewise: bytewise) }
            #expect(scan == Self.reference(bytes, from: from), "\(bytes) from \(from)")
        }
    }

    @Test(arguments: [false, true])
    func longRunsWithoutLineFeedsOrHitsCrossManyBlocks(bytewise: Bool) {
        let row = Array("1000229|CORE LABORATORIES N V|4|20251118|edgar/data/1000229/0001209191-25-000788.txt\n".utf8)
        var bytes: [UInt8] = []
        for index in 0..<500 {
            bytes += index % 97 == 3 ? Array("   \t \r\n".utf8) : row
        }
        bytes += Array("1|A|8-K|20251118|x\n".utf8)
        let scan = bytes.withUnsafeBufferPointer { ByteScan.toNextCurrentReportForm($0, from: 0, bytewise: bytewise) }
        #expect(scan == Self.reference(bytes, from: 0))
        #expect(scan.form != nil)
        #expect(scan.lines == 500)
        #expect(scan.blank == 6)
    }
}
