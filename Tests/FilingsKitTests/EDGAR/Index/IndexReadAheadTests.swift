import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// The index read on a thread of its own hands over exactly what the stream reads, in order, and
/// stops cleanly when the store stops taking rows or never starts.
@Suite struct IndexReadAheadTests {
    /// Every row handed over, as text, in order; throws once `failAfter` rows are in.
    final class RowList: KeptRowSink {
        struct Full: Error {}
        var rows: [String] = []
        var failAfter = Int.max

        func insert(
            cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
            date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
        ) throws {
            if rows.count == failAfter { throw Full() }
            let fields = [name, form, date, accession].map { String(decoding: $0, as: UTF8.self) }
            rows.append("\(cik)|" + fields.joined(separator: "|"))
        }
    }

    static func index() throws -> Data {
        try SharedData.fixture("backfill/master.2025QTR1.idx")
    }

    @Test(arguments: [IndexForms.currentReports, .all])
    func handsOverWhatTheStreamReads(forms: IndexForms) throws {
        let data = try Self.index()
        let direct = RowList()
        let expected = try IndexStream(source: IndexByteSource(data: data, name: "q1"), forms: forms, bufferSize: 97).run(into: direct)
        #expect(direct.rows.count >= 7)
        // One batch queued at a time: the reader waits for the store at every buffer.
        for maxBytesAhead in [1, IndexReadAhead.maxBytesAhead] {
            let rows = RowList()
            var progress: [Int] = []
            let index = IndexReadAhead(source: try IndexByteSource(data: data, name: "q1"), forms: forms, bufferSize: 97, maxBytesAhead: maxBytesAhead)
            let report = try index.drain(into: rows) { progress.append($0) }
            #expect(rows.rows == direct.rows)
            #expect(report == expected)
            #expect(progress == progress.sorted() && progress.last == data.count, "\(progress.suffix(3))")
        }
    }

    @Test func aStoreThatStopsTakingRowsStopsTheReader() throws {
        let rows = RowList()
        rows.failAfter = 3
        let index = IndexReadAhead(source: try IndexByteSource(data: try Self.index(), name: "q1"), forms: .all, bufferSize: 97, maxBytesAhead: 1)
        #expect(throws: RowList.Full.self) { try index.drain(into: rows) }
        #expect(rows.rows.count == 3)
        index.stop()  // returns: the reader has ended
    }

    @Test func aReaderNeverDrainedIsStoppedAndEnds() throws {
        let path = try temporaryDirectory().appendingPathComponent("master.idx").path
        try Self.index().write(to: URL(fileURLWithPath: path))
        for _ in 0..<20 {
            let index = try #require(Importer.readAhead(path, forms: .all))
            index.stop()
            index.stop()
        }
        // Dropped without a word: deinit stops it.
        _ = Importer.readAhead(path, forms: .all)
    }

    @Test func theReadersErrorIsTheDrainsError() throws {
        let formIndex = Data("""
            Description:           Daily Index of EDGAR Dissemination Feed by Form Type
            Last Data Received:    Nov 18, 2025

            Form Type   Company Name                                                  CIK         Date Filed  File Name
            ---------------------------------------------------------------------------------------------------------------------------------------------
            8-K         Meta Platforms, Inc.                                          1326801     20251118    edgar/data/1326801/0001628280-25-061001.txt

            """.utf8)
        let index = IndexReadAhead(source: try IndexByteSource(data: formIndex, name: "form.idx"), forms: .all)
        #expect(throws: EDGARFormatError.self) { try index.drain(into: RowList()) }
    }

    @Test func onlyAMasterIndexIsReadAhead() throws {
        let directory = try temporaryDirectory()
        let master = directory.appendingPathComponent("master.idx")
        try Self.index().write(to: master)
        let json = directory.appendingPathComponent("CIK0001326801.json")
        try Data(#"{"cik": "1326801"}"#.utf8).write(to: json)
        #expect(Importer.readAhead(master.path, forms: .currentReports)?.forms == .currentReports)
        #expect(Importer.readAhead(json.path, forms: .currentReports) == nil)
        #expect(Importer.readAhead(directory.appendingPathComponent("missing.idx").path, forms: .all) == nil)
    }
}
