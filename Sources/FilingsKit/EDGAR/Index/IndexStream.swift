import FilingsFormats
import FilingsModel
import Foundation

/// Streams a `master.idx` (daily or quarterly, plain or gzip) into a `KeptRowSink`, one buffer of
/// whole lines at a time: memory stays flat whatever the size of the index.
///
/// Rows are checked exactly as `EDGARIndexParser` checks them (same malformed rows, same line
/// numbers; keeping only the 8-K family, rows that cannot be 8-Ks are counted but not read);
/// only rows whose form is kept are handed to the sink, straight from the buffer.
struct IndexStream {
    /// Bytes read per step; a line longer than this grows the buffer.
    static let defaultBufferSize = 1 << 20
    /// The most the buffer grows to while looking for the header.
    static let largestHeaderBuffer = 1 << 22

    let source: IndexByteSource
    let forms: IndexForms
    var bufferSize = defaultBufferSize

    /// Streams every row, calling `progress` with the raw bytes consumed after each buffer.
    func run<Sink: KeptRowSink>(into sink: Sink, progress: (Int) -> Void = { _ in }) throws -> IndexParseReport {
        let whole = try source.withWholeBytes { bytes, release in
            try runInPlace(bytes, into: sink) { offset in
                release(offset)
                progress(source.bytesConsumed)
            }
        }
        if let whole { return whole }
        return try runBuffered(into: sink, progress: progress)
    }

    /// Reads plain bytes where they lie (mapped or in memory), a buffer's worth of lines at a time.
    private func runInPlace<Sink: KeptRowSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, into sink: Sink, done: (Int) -> Void
    ) throws -> IndexParseReport {
        var report = try startReport(IndexHeader.read(bytes, source: source.name))
        var start = report.header.rowsStart
        var linesBefore = report.header.linesBefore
        while start < bytes.count {
            var end = min(bytes.count, start + bufferSize)
            if end < bytes.count, let base = bytes.baseAddress {
                // Stop after the window's last line: its first line break at or after `end - 1`.
                let hit = memchr(base + end - 1, 0x0A, bytes.count - end + 1)
                end = hit.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) + 1 } ?? bytes.count
            }
            linesBefore = try readRows(UnsafeBufferPointer(rebasing: bytes[0..<end]), from: start, linesBefore: linesBefore, &report.parse, sink)
            done(end)
            start = end
        }
        return report.parse
    }

    /// The header checked to be a master index's, and an empty report under it.
    private func startReport(_ header: IndexHeader) throws -> (header: IndexHeader, parse: IndexParseReport) {
        guard header.kind == .master else {
            throw EDGARFormatError.unexpectedContent(
                source: source.name, expected: "a master index (pipe-delimited)", found: "a \(header.kind) index")
        }
        let report = IndexParseReport(
            source: source.name, kind: header.kind, period: header.period, description: header.description,
            lastDataReceived: header.lastDataReceived)
        return (header, report)
    }

    /// Reads the bytes through a buffer (gzip input, or a file that cannot be mapped).
    private func runBuffered<Sink: KeptRowSink>(into sink: Sink, progress: (Int) -> Void) throws -> IndexParseReport {
        var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bufferSize, 16))
        defer { buffer.deallocate() }
        var filled = 0
        var report: IndexParseReport?
        var linesBefore = 0
        var atEnd = false
        while !atEnd {
            if filled == buffer.count { buffer = grow(buffer) }
            let count = try source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
            atEnd = count == 0 || filled + count < buffer.count
            filled += count
            let usable = atEnd ? filled : lastLineEnd(buffer, filled)
            guard usable > 0 else { continue }
            let lines = UnsafeBufferPointer(start: buffer.baseAddress, count: usable)
            var start = 0
            if report == nil {
                let header: IndexHeader
                do {
                    header = try IndexHeader.read(lines, source: source.name)
                } catch where !atEnd && buffer.count < Self.largestHeaderBuffer {
                    continue  // the header runs past this buffer: read more first
                }
                report = try startReport(header).parse
                start = header.rowsStart
                linesBefore = header.linesBefore
            }
            if var current = report {
                linesBefore = try readRows(lines, from: start, linesBefore: linesBefore, &current, sink)
                report = current
            }
            if let base = buffer.baseAddress, usable < filled {
                memmove(base, base + usable, filled - usable)  // the unfinished line moves to the front
            }
            filled -= usable
            progress(source.bytesConsumed)
        }
        guard let report else { throw EDGARFormatError.empty(source: source.name) }
        return report
    }

    /// Checks and stores the rows of `bytes` from `start`; returns the number of the last line read.
    private func readRows<Sink: KeptRowSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, linesBefore: Int, _ report: inout IndexParseReport,
        _ sink: Sink
    ) throws -> Int {
        let isoDate = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 10)
        defer { isoDate.deallocate() }
        if forms == .currentReports {
            return try readCurrentReportRows(bytes, from: start, linesBefore: linesBefore, &report, sink, isoDate)
        }
        var cursor = LineCursor(bytes, position: start, linesBefore: linesBefore)
        while let line = cursor.next() {
            try readRow(bytes, line, number: cursor.lineNumber, &report, sink, isoDate)
        }
        return cursor.lineNumber
    }

    /// Keeping only the 8-K family (2% of a quarter's rows), jumps from one `|8-K` to the next the way grep
    /// does: rows in between are counted, not read, so their damage goes unseen; every row that could be an
    /// 8-K is read and checked like any other.
    private func readCurrentReportRows<Sink: KeptRowSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, linesBefore: Int, _ report: inout IndexParseReport,
        _ sink: Sink, _ isoDate: UnsafeMutableBufferPointer<UInt8>
    ) throws -> Int {
        var lineNumber = linesBefore
        var position = start
        while position < bytes.count {
            // The lines that end before the next `|8-K` hold no 8-K: they are counted, not read.
            let scan = ByteScan.toNextCurrentReportForm(bytes, from: position)
            let hit = scan.form
            lineNumber += scan.lines
            report.rowsSeen += scan.lines - scan.blank
            position = scan.next
            var cursor = LineCursor(bytes, position: position, linesBefore: lineNumber)
            guard let line = cursor.next() else { break }
            if hit == nil {
                if !ByteText.trimmed(bytes, line).isEmpty { report.rowsSeen += 1 }  // the last line, unterminated
            } else {
                try readRow(bytes, line, number: cursor.lineNumber, &report, sink, isoDate)
            }
            lineNumber = cursor.lineNumber
            position = cursor.position
        }
        return lineNumber
    }

    /// Checks one row and stores it when its form is kept; a malformed row is skipped into `report`.
    private func readRow<Sink: KeptRowSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, number: Int, _ report: inout IndexParseReport,
        _ sink: Sink, _ isoDate: UnsafeMutableBufferPointer<UInt8>
    ) throws {
        let row = ByteText.trimmed(bytes, line)
        if row.isEmpty { return }
        report.rowsSeen += 1
        let fields: IndexRow
        if let fast = IndexRowReader.split(bytes, row) {
            fields = fast
        } else {
            switch IndexRow.master(bytes, row) {
            case .success(let value): fields = value
            case .failure(let problem):
                report.skip(line: number, problem.reason)
                return
            }
        }
        let keep = forms.keeps(bytes, fields.form)
        guard let cik = ByteText.cik(bytes, fields.cik) else {
            report.skip(line: number, IndexRowProblem.cik(bytes, fields.cik))
            return
        }
        guard IndexRowReader.isoDate(bytes, fields.date, into: isoDate) else {
            report.skip(line: number, IndexRowProblem.date(bytes, fields.date))
            return
        }
        guard ByteText.isAccession(bytes, fields.accession) else {
            report.skip(line: number, IndexRowProblem.accession(bytes, path: fields.path))
            return
        }
        if let problem = IndexRowProblem.name(fields.companyName) {
            report.skip(line: number, problem)
            return
        }
        guard keep else { return }
        report.rowsKept += 1
        try sink.insert(
            cik: cik, name: slice(bytes, fields.companyName), form: slice(bytes, fields.form),
            date: UnsafeBufferPointer(isoDate), accession: slice(bytes, fields.accession))
    }

    private func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// The end of the last complete line among the first `count` bytes (0 when none is complete).
    private func lastLineEnd(_ buffer: UnsafeMutableBufferPointer<UInt8>, _ count: Int) -> Int {
        var index = count
        while index > 0 {
            if buffer[index - 1] == 0x0A { return index }
            index -= 1
        }
        return 0
    }

    private func grow(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8> {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
        _ = larger.initialize(from: buffer)
        buffer.deallocate()
        return larger
    }
}
