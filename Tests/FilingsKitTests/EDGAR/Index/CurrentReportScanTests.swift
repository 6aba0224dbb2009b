import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel

/// Keeping the 8-K family, the bulk stream jumps from one `|8-K` to the next: rows that cannot be
/// 8-Ks are counted but not read, rows that may be are read and checked like any other.
@Suite struct CurrentReportScanTests {
    static let index = """
        Description:           Daily Index of EDGAR Dissemination Feed
        Last Data Received:    Nov 18, 2025
        Comments:              webmaster@sec.gov
        Anonymous FTP:         ftp://ftp.sec.gov/edgar/

        CIK|Company Name|Form Type|Date Filed|File Name
        --------------------------------------------------------------------------------
        1000229|CORE LABORATORIES N V|4|20251118|edgar/data/1000229/0001209191-25-000788.txt
        1326801|Meta Platforms, Inc.|8-K|20251118|edgar/data/1326801/0001628280-25-061001.txt
        1000232|KENTUCKY BANCSHARES INC /KY/|10-K|NOTADATE|edgar/data/1000232/0001179110-25-000106.txt

        1018724|AMAZON COM INC|8-K/A|2025111|edgar/data/1018724/0001018724-25-000151.txt
        789019|MICROSOFT CORP|8-K/A|20251118|edgar/data/789019/0001193125-25-281144.txt
        1652044|Alphabet Inc.|SC 13G/A|20251118|edgar/data/1652044/0001086364-25-009977.txt
        """

    func run(_ forms: IndexForms, bufferSize: Int, index: String = Self.index) throws -> (report: IndexParseReport, stored: Int) {
        let context = try BackfillTests.offlineContext()
        let outcome = try IndexBulkIngest(context: context, feed: try context.edgarFeed(), forms: forms, bufferSize: bufferSize)
            .run(try IndexByteSource(data: Data(index.utf8), name: "scan.idx"), recordSource: "scan.idx")
        return (outcome.report, outcome.inserted)
    }

    @Test(arguments: [IndexStream.defaultBufferSize, 64])
    func onlyRowsThatMayBe8KsAreRead(bufferSize: Int) throws {
        let eightK = try run(.currentReports, bufferSize: bufferSize)
        #expect(eightK.stored == 2)  // Meta's 8-K and Microsoft's 8-K/A
        #expect(eightK.report.rowsSeen == 6)  // the blank line is not a row
        #expect(eightK.report.malformed.map(\.line) == [12])  // Amazon's 8-K/A with a seven-digit date
        let all = try run(.all, bufferSize: bufferSize)
        #expect(all.stored == 4)
        #expect(all.report.rowsSeen == 6)
        #expect(all.report.malformed.map(\.line) == [10, 12])  // the damaged 10-K row is read only here
    }

    /// Windows line ends and blank lines of spaces, tabs and a carriage return: the rows skipped
    /// unread are counted as the rows read are, so both ways give the same count and line numbers.
    @Test func blankLinesWithCarriageReturnsAreNotRowsEitherWay() throws {
        let index = Self.index.replacingOccurrences(of: "106.txt\n\n", with: "106.txt\n \t\n\t\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let eightK = try run(.currentReports, bufferSize: 64, index: index)
        let all = try run(.all, bufferSize: 64, index: index)
        #expect(eightK.stored == 2)
        #expect(eightK.report.rowsSeen == 6)
        #expect(all.report.rowsSeen == 6)
        #expect(eightK.report.malformed.map(\.line) == [13])
        #expect(all.report.malformed.map(\.line) == [10, 13])
    }
}
