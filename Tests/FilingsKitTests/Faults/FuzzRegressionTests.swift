import Foundation
import Testing

@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsTestSupport

extension FaultSuite {
    /// Inputs the fuzz pass found that crashed the process, each now an error naming the file.
    @Suite(.tags(.fuzz)) struct FuzzRegressionTests {
        /// A valid workbook whose zip bytes are then damaged by `damage`.
        static func damagedWorkbook(_ damage: (inout [UInt8]) -> Void) throws -> Data {
            let parts = ParserFuzzTests.warnParts()
            var bytes = [UInt8](try XlsxTestArchive.workbook(sheets: [("WARN", parts.sheet)], sharedStrings: parts.strings))
            damage(&bytes)
            return Data(bytes)
        }

        /// Offsets of a 4-byte signature in `bytes`.
        static func offsets(of signature: [UInt8], in bytes: [UInt8]) -> [Int] {
            (0...(bytes.count - signature.count)).filter { Array(bytes[$0..<($0 + signature.count)]) == signature }
        }

        static func put(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
            for index in 0..<4 { bytes[offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
        }

        /// Found by `ParserFuzzTests.warnWorkbooks` (seed 9): a central directory entry whose local header offset
        /// lies past the end made ZIPFoundation's in-memory reader trap ("Range requires lowerBound <= upperBound").
        @Test("zip entries and directories pointing past the end of the file are an error, not a crash", arguments: 0..<4)
        func pointersPastTheEnd(_ variant: Int) throws {
            let data = try Self.damagedWorkbook { bytes in
                let directory = Self.offsets(of: [0x50, 0x4B, 0x01, 0x02], in: bytes)
                let end = Self.offsets(of: [0x50, 0x4B, 0x05, 0x06], in: bytes)[0]
                switch variant {
                case 0: Self.put(0x81A4_0000, at: directory[1] + 42, in: &bytes)  // local header offset (the fuzz find)
                case 1: Self.put(0x7FFF_0000, at: end + 16, in: &bytes)  // central directory offset
                case 2: Self.put(0x00FF_FFFF, at: directory[2] + 20, in: &bytes)  // compressed size
                default: bytes[directory[1] + 28] = 0xFF  // name length running past the directory
                }
            }
            #expect(throws: XlsxError.unreadableArchive(source: "WARN_Report.xlsx")) {
                try CaliforniaWarnWorkbook.parse(data, source: "WARN_Report.xlsx")
            }
            #expect(XlsxError.unreadableArchive(source: "WARN_Report.xlsx").localizedDescription.hasPrefix("WARN_Report.xlsx: "))
        }

        /// Found by the 20,000-mutant run of `ParserFuzzTests.indexes`: a shifted company.idx column left "0" in the
    /// CIK field, and the row was kept with CIK 0, which EDGAR never assigns.
    @Test("a CIK of zero, in a master or a fixed-width index, is a malformed row")
    func zeroCIK() throws {
        let master = FaultBench.dailyHeader + "0|ZERO CORP|8-K|20251118|edgar/data/0/0000000000-25-000001.txt\n" + FaultBench.goodRow
        let (entries, report) = try EDGARIndexParser.entries(Data(master.utf8), source: "master.idx")
        #expect(entries.map(\.cik) == [1326801])
        #expect(report.malformed == [IndexParseReport.Issue(line: 8, reason: "CIK \"0\" is not a CIK (1 to 10 digits, not zero)")])
        let fixture = try SharedData.fixture("edgar/company.wrapped.idx")
        let text = String(decoding: fixture, as: UTF8.self)
        let first = try #require(try EDGARIndexParser.entries(fixture, source: "company.idx").entries.first)
        let zeroed = text.replacingOccurrences(of: " \(first.cik) ", with: " \(String(repeating: "0", count: String(first.cik).count)) ")
        let (after, zeroReport) = try EDGARIndexParser.entries(Data(zeroed.utf8), source: "company.idx")
        #expect(!after.contains { $0.cik == 0 })
        #expect(zeroReport.malformedCount >= 1)
    }

    @Test("the undamaged workbook still parses, so the refusals above are about the damage")
        func undamaged() throws {
            let result = try CaliforniaWarnWorkbook.parse(try Self.damagedWorkbook { _ in }, source: "WARN_Report.xlsx")
            #expect(result.notices.count == 2)
        }
    }
}
