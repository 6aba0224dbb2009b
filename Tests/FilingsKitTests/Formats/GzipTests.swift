import Foundation
import Testing

@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsTestSupport

@Suite("Gzip")
struct GzipTests {
    @Test("round trip through a stored-block gzip made here, across several blocks")
    func roundTrip() throws {
        let plain = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let gzip = StoredGzip.encode(plain)
        #expect(Gzip.isCompressed(gzip))
        #expect(!Gzip.isCompressed(plain))
        #expect(try Gzip.decompress(gzip) == plain)
        #expect(try Gzip.decompress(gzip, limit: 1_000).prefix(1_000) == plain.prefix(1_000))
    }

    @Test("concatenated members are all inflated")
    func members() throws {
        let joined = StoredGzip.encode(Data("first ".utf8)) + StoredGzip.encode(Data("second".utf8))
        #expect(try Gzip.decompress(joined) == Data("first second".utf8))
    }

    @Test("truncated and corrupt input throw")
    func broken() throws {
        let gzip = StoredGzip.encode(Data(repeating: 65, count: 10_000))
        #expect(throws: Gzip.DecompressionError.self) { try Gzip.decompress(gzip.prefix(500)) }
        var corrupt = gzip
        corrupt[3] = 0xFF  // reserved header flag bits
        #expect(throws: Gzip.DecompressionError.self) { try Gzip.decompress(corrupt) }
    }

    @Test("the real deflate-compressed ticker snapshot inflates to JSON")
    func realFile() throws {
        guard let url = SharedData.file("edgar/tickers/company_tickers.older.json.gz") else { return }
        let plain = try Gzip.decompress(Data(contentsOf: url))
        #expect(plain.count > 270_116)
        #expect(plain.first == UInt8(ascii: "{"))
        #expect(plain.last == UInt8(ascii: "}"))
    }
}
