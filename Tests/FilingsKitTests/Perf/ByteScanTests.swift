import Testing

@testable import FilingsKit

/// `ByteScan`'s C scans, vectorized and portable, against a plain Swift reading of the same bytes,
/// on random text dense in what they look for: line feeds, blanks, carriage returns, `|8-K`.
@Suite struct ByteScanTests {
    /// A seeded generator (SplitMix64), so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [[UInt8]] = ["|8-K", "|8-K/A", "8-K", "|8-", "\n", "\r\n", " ", "\t", " \t\r\n", "\n\n", "|", "K", "1326801", "META", "-"]
        .map { Array($0.utf8) }

    static func text(_ random: inout Seeded) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...120, using: &random) {
            bytes += pieces.randomElement(using: &random) ?? []
        }
        return bytes
    }

    static func referenceFind(_ bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= 4, from <= bytes.count - 4 else { return nil }
        return (from...(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == Array("|8-K".utf8) }
    }

    static func referenceLines(_ bytes: [UInt8], from: Int, before limit: Int) -> (count: Int, blank: Int, next: Int) {
        var count = 0
        var blank = 0
        var start = from
        for index in from..<max(from, limit) where bytes[index] == 0x0A {
            var end = index
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            if bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { blank += 1 }
            count += 1
            start = index + 1
        }
        return (count, blank, start)
    }

    @Test(arguments: [false, true])
    func findsEvery8KWhereTheByteByByteSearchDoes(bytewise: Bool) {
        var random = Seeded(state: 6)
        for _ in 0..<3_000 {
            let bytes = Self.text(&random)
            let from = Int.random(in: 0...bytes.count, using: &random)
            let found = bytes.withUnsafeBufferPointer { ByteScan.nextCurrentReportForm($0, from: from, bytewise: bytewise) }
            #expect(found == Self.referenceFind(bytes, from: from), "\(bytes) from \(from)")
        }
    }

    @Test(arguments: [false, true])
    func countsLinesAndBlankLinesAsTheLineCursorReadsThem(bytewise: Bool) {
        var random = Seeded(state: 7)
        for _ in 0..<3_000 {
            let bytes = Self.text(&random)
            // `from` starts a line, as it always does in the stream.
            let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            let from = starts.randomElement(using: &random) ?? 0
            let limit = Int.random(in: from...bytes.count, using: &random)
            let counted = bytes.withUnsafeBufferPointer { ByteScan.lines($0, from: from, before: limit, bytewise: bytewise) }
            let expected = Self.referenceLines(bytes, from: from, before: limit)
            #expect(counted == expected, "\(bytes) from \(from) before \(limit)")
        }
    }

    @Test func longRunsWithoutLineFeedsOrHitsCrossManyBlocks() {
        let row = Array("1000229|CORE LABORATORIES N V|4|20251118|edgar/data/1000229/0001209191-25-000788.txt\n".utf8)
        var bytes: [UInt8] = []
        for index in 0..<500 {
            bytes += index % 97 == 3 ? Array("   \t \r\n".utf8) : row
        }
        bytes += Array("1|A|8-K|20251118|x\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteScan.nextCurrentReportForm(buffer, from: 0) == Self.referenceFind(bytes, from: 0))
            #expect(ByteScan.lines(buffer, from: 0, before: buffer.count) == Self.referenceLines(bytes, from: 0, before: bytes.count))
            #expect(ByteScan.lines(buffer, from: 0, before: buffer.count).blank == 6)
        }
    }
}
