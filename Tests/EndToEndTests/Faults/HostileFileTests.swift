import Foundation
import Testing

@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

extension FaultSuite {
    /// Malformed and hostile files through `filings import` and the parsers: a clear error naming the file
    /// (and the line, for rows), nothing stored from an unreadable file, and bounded work for huge input.
    @Suite(.serialized) struct HostileFileTests {
        /// A daily master index header: seven lines, so the first row is line 8.

        /// Writes `files` to a fresh directory and imports each with the built binary, one run per file.
        func importEach(_ files: [(name: String, data: Data)]) async throws -> (results: [ProcessRunner.Result], paths: [String], store: Store) {
            let dir = try temporaryDirectory()
            let db = dir.appendingPathComponent("filings.sqlite")
            let filings = BinaryRunner(environment: FaultBench.environment(db: db, feeds: FaultBench.packageFeeds))
            var results: [ProcessRunner.Result] = []
            var paths: [String] = []
            for file in files {
                let url = dir.appendingPathComponent(file.name)
                try file.data.write(to: url)
                paths.append(url.path)
                results.append(try await filings.run(["import", url.path]))
            }
            return (results, paths, try Store(path: db.path))
        }

        @Test("truncated and corrupt index rows are skipped and counted with their line; the good row is stored")
        func corruptRows() async throws {
            let rows = [
                "1431567|META MATERIALS INC.|8-K|20251118",
                "ABC|Bad Cik Inc|8-K|20251118|edgar/data/1/0000000001-25-000001.txt",
                "1000|Bad Date Inc|8-K|2025111|edgar/data/1000/0000000001-25-000002.txt",
                "1001|No Accession Inc|8-K|20251118|edgar/data/1001/readme.txt",
                "1002|Cut Off Inc|8-K|20251118|edgar/data/1002/0000000001-25-00",
            ]
            let data = Data((FaultBench.dailyHeader + FaultBench.goodRow + rows.joined(separator: "\n")).utf8)  // no newline at the end
            let (entries, report) = try EDGARIndexParser.entries(data, source: "master.20251118.idx")
            #expect(entries.map(\.cik) == [1326801])
            #expect(report.malformedCount == 5)
            #expect(report.malformed.map(\.line) == [9, 10, 11, 12, 13])

            let (results, paths, store) = try await importEach([("master.20251118.idx", data)])
            let result = try #require(results.first)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("\(paths[0]): masterIndex, 1 rows read, 1 stored, 5 malformed skipped"), "\(result.stderr)")
            #expect(result.stderr.contains("5 malformed rows skipped (first: line 9: truncated row"), "\(result.stderr)")
            #expect(try store.filingCount() == 1)
        }

        @Test("non-UTF-8 bytes: a Latin-1 name in an index is read as Latin-1; invalid UTF-8 in JSON is refused naming the file")
        func nonUTF8() async throws {
            var index = Data((FaultBench.dailyHeader).utf8)
            let latin1 = "1000001|SOCIÉTÉ GÉNÉRALE|8-K|20251118|edgar/data/1000001/0000000001-25-000010.txt\n"
            index.append(try #require(latin1.data(using: .isoLatin1)))
            #expect(String(data: index, encoding: .utf8) == nil, "the index is not UTF-8")
            var json = try SharedData.fixture("edgar/CIK0000000042.json")
            let quote = try #require(json.firstRange(of: Data("\"name\"".utf8)))
            json.replaceSubrange(quote.upperBound..<(quote.upperBound + 3), with: [0x3A, 0x22, 0xFF])  // :"<invalid byte>
            let (results, paths, store) = try await importEach([("master.idx", index), ("CIK0000000042.json", json)])
            #expect(results[0].status == 0, "\(results[0].stderr)")
            #expect(try store.filings(cik: 1000001).first?.companyName == "SOCIÉTÉ GÉNÉRALE")
            #expect(results[1].status == 1)
            #expect(results[1].stderr.contains(paths[1]) || results[1].stderr.contains("CIK0000000042.json"), "\(results[1].stderr)")
            #expect(try store.company(cik: 42) == nil)
            #expect(try store.filingCount() == 1)
        }

        @Test("a 50 MB line, whatever field is huge, is one skipped row with a short message; the next row is kept")
        func fiftyMegabyteLine() async throws {
            let edgar = try #require(try FeedCatalog(directory: FaultBench.packageFeeds.path).feed(kind: .secEdgar))
            let huge = String(repeating: "9", count: 50 << 20)
            let lines = [
                (huge, "truncated row"),
                (huge + "|A|8-K|20251118|edgar/data/1/0000000001-25-000001.txt", "CIK \"" + String(repeating: "9", count: 80) + "…\" is not a CIK"),
                ("1|" + huge + "|8-K|20251118|edgar/data/1/0000000001-25-000001.txt", "company name of 52428800 bytes is longer than any EDGAR name"),
                ("1|A|8-K|" + huge + "|edgar/data/1/0000000001-25-000001.txt", "date \"" + String(repeating: "9", count: 80) + "…\""),
            ]
            let header = Data(("Description:           Daily Index of EDGAR Dissemination Feed " + huge + "\n").utf8)
            // The parsing runs off the concurrency pool (50 MB in a debug build); the checks run here.
            let outcomes = try await FaultBench.offPool {
                try lines.map { line, _ in
                    let data = Data((FaultBench.dailyHeader + line + "\n" + FaultBench.goodRow).utf8)
                    let ingest = try IndexIngest.filings(from: data, source: "long.idx", feed: edgar, now: Date())
                    return (ciks: ingest.filings.map(\.cik), malformed: ingest.malformed, note: ingest.note ?? "")
                }
            }
            for (outcome, (_, reason)) in zip(outcomes, lines) {
                #expect(outcome.ciks == [1326801])
                #expect(outcome.malformed == 1)
                #expect(outcome.note.hasPrefix("1 malformed rows skipped (first: line 8: "))
                #expect(outcome.note.contains(reason), "\(outcome.note)")
                #expect(outcome.note.count < 260)
            }
            let headerError = try await FaultBench.offPool { () -> String? in
                do {
                    _ = try EDGARIndexParser.parse(header, source: "header.idx") { _ in }
                    return nil
                } catch {
                    return (error as? EDGARFormatError)?.localizedDescription
                }
            }
            #expect(headerError?.hasPrefix("header.idx: ") == true, "\(String(describing: headerError))")
        }

        @Test("a 2 GiB file (one sparse line) is refused before it is read, naming the file and the cap")
        func twoGigabyteFile() async throws {
            let dir = try temporaryDirectory()
            let url = dir.appendingPathComponent("huge.idx")
            try Data(FaultBench.dailyHeader.utf8).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 2 << 30)
            try handle.close()
            let db = dir.appendingPathComponent("filings.sqlite")
            let result = try await BinaryRunner(environment: FaultBench.environment(db: db, feeds: FaultBench.packageFeeds)).run(["import", url.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(url.path): 2147483648 bytes is more than any file filings imports (at most 1073741824 bytes"), "\(result.stderr)")
            #expect(try Store(path: db.path).filingCount() == 0)
        }

        @Test("a gzip bomb index is refused once it inflates past the cap, naming the file")
        func gzipBomb() throws {
            let bomb = GzipBomb.make(matches: 260_000)  // 67 MB of zeros in about 420 KB
            #expect(bomb.count < 500_000)
            #expect(try Gzip.decompress(bomb, limit: 4 << 20).count >= 4 << 20, "the bomb really inflates")
            #expect {
                try EDGARIndexParser.parse(bomb, source: "bomb.idx.gz", maxInflatedBytes: 1 << 20) { _ in }
            } throws: { error in
                guard case EDGARFormatError.compression(let source, let reason) = error else { return false }
                return source == "bomb.idx.gz" && reason.contains("more than 1048576 bytes")
                    && error.localizedDescription.hasPrefix("bomb.idx.gz: gzip data could not be decompressed")
            }
            #expect(EDGARIndexParser.maxInflatedBytes == 512 << 20)
        }

        /// The three parts a workbook needs, plus `extra`.
        static func workbook(_ extra: [(path: String, data: Data)], sheet: String = "<sheetData/>") throws -> Data {
            try XlsxTestArchive.zip([
                ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8)),
                ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
                ("xl/worksheets/sheet1.xml", Data("<worksheet>\(sheet)</worksheet>".utf8)),
            ] + extra)
        }

        @Test("hostile CA WARN workbooks: zip bomb, .. and absolute paths, entity expansion, an HTML page; each names the file")
        func hostileWorkbooks() throws {
            let laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><sst><si><t>&c;</t></si></sst>"#
            let cases: [(name: String, data: Data, check: (Error) -> Bool)] = [
                ("bomb.xlsx", try Self.workbook([("xl/media/zeros.bin", Data(count: 20 << 20))]), {
                    if case XlsxError.tooLarge(_, "xl/media/zeros.bin", _) = $0 { return true } else { return false }
                }),
                ("dotdot.xlsx", try Self.workbook([("xl/../../../etc/cron.d/evil", Data("x".utf8))]), {
                    if case XlsxError.unsafeEntryPath = $0 { return true } else { return false }
                }),
                ("absolute.xlsx", try Self.workbook([("/etc/evil.xml", Data("x".utf8))]), {
                    if case XlsxError.unsafeEntryPath = $0 { return true } else { return false }
                }),
                ("laughs.xlsx", try Self.workbook([("xl/sharedStrings.xml", Data(laughs.utf8))]), {
                    if case XlsxError.forbiddenDeclaration(_, "xl/sharedStrings.xml") = $0 { return true } else { return false }
                }),
                ("page.xlsx", Data("<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>".utf8), {
                    if case XlsxError.notAZipArchive = $0 { return true } else { return false }
                }),
            ]
            for hostile in cases {
                #expect(performing: { try CaliforniaWarnWorkbook.parse(hostile.data, source: hostile.name) }, throws: { error in
                    hostile.check(error) && error.localizedDescription.contains(hostile.name)
                })
            }
        }

        @Test("a PDF that is an HTML page, JSON of the wrong shape, an empty file: exit 1, one line naming the file, nothing stored")
        func wrongKinds() async throws {
            let html = Data("<!DOCTYPE html><html><head><title>Page Not Found | EDD</title></head><body>gone</body></html>".utf8)
            let files: [(name: String, data: Data)] = [
                ("WARN_Report.pdf", html),
                ("CIK0000000043.json", Data(#"{"cik":{"nested":true},"name":["not","a","string"],"filings":{"recent":[]}}"#.utf8)),
                ("list.json", Data("[1,2,3]".utf8)),
                ("empty.idx", Data()),
            ]
            let (results, paths, store) = try await importEach(files)
            for (result, path) in zip(results, paths) {
                #expect(result.status == 1, "\(path): \(result.stderr)")
                #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains(path), "\(path): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
            }
            #expect(results[0].stderr.contains("not a file filings can import"))
            #expect(results[1].stderr.contains("no numeric \"cik\""))
            #expect(try store.filingCount() == 0)
            #expect(try store.company(cik: 43) == nil)
        }

        @Test("JSON whose rows have the wrong shape: the rows are skipped, counted and the first problem named; no filing stored")
        func wrongShapeRows() async throws {
            let files: [(name: String, data: Data)] = [
                ("CIK0000000042.json", Data(#"{"cik":"0000000042","name":"Shape Corp","filings":{"recent":{"accessionNumber":["0000000042-25-000001","0000000042-25-000002"],"form":["8-K"],"filingDate":[7]}}}"#.utf8)),
                ("company_tickers.json", Data(#"{"0":{"cik_str":"abc","ticker":5,"title":null}}"#.utf8)),
            ]
            let (results, paths, store) = try await importEach(files)
            #expect(results[0].status == 0, "\(results[0].stderr)")
            #expect(results[0].stderr.contains("\(paths[0]): 8 problems (first: column form has 1 values for 2 accession numbers"), "\(results[0].stderr)")
            #expect(results[1].stderr.contains("\(paths[1]): ticker map, 0 rows read, 0 stored, 1 malformed skipped"), "\(results[1].stderr)")
            #expect(results[1].stderr.contains("1 problem (first: entry \"0\" has no numeric cik_str or no ticker)"), "\(results[1].stderr)")
            #expect(try store.filingCount() == 0)
        }
    }
}
