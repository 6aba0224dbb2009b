import FilingsFormats
import FilingsModel
import Foundation

/// The byte ranges of one index row's fields, found without decoding anything.
struct IndexRow {
    /// Why a row could not be split into fields.
    struct Problem: Error {
        var reason: String
    }

    var cik: Range<Int>
    var companyName: Range<Int>
    var form: Range<Int>
    var date: Range<Int>
    var path: Range<Int>
    /// The path's file name without its extension.
    var accession: Range<Int>

    /// `CIK|Company Name|Form Type|Date Filed|File Name`. The CIK is read from the left and the
    /// other fields from the right, so a `|` inside a company name cannot shift them.
    static func master(_ bytes: UnsafeBufferPointer<UInt8>, _ row: Range<Int>) -> Result<IndexRow, Problem> {
        let pipe = ByteText.pipe
        guard let first = ByteText.firstIndex(of: pipe, in: bytes, row),
            let fourth = ByteText.lastIndex(of: pipe, in: bytes, (first + 1)..<row.upperBound),
            let third = ByteText.lastIndex(of: pipe, in: bytes, (first + 1)..<fourth),
            let second = ByteText.lastIndex(of: pipe, in: bytes, (first + 1)..<third)
        else {
            return .failure(Problem(reason: "truncated row: fewer than 5 fields separated by |"))
        }
        let path = ByteText.trimmed(bytes, (fourth + 1)..<row.upperBound)
        return make(
            bytes, cik: ByteText.trimmed(bytes, row.lowerBound..<first),
            name: ByteText.trimmed(bytes, (first + 1)..<second), form: ByteText.trimmed(bytes, (second + 1)..<third),
            date: ByteText.trimmed(bytes, (third + 1)..<fourth), path: path)
    }

    /// A fixed-width `form.idx` or `company.idx` row. CIK, date and path never contain spaces, so
    /// they are the last three words; the text before them is split at the header's second column,
    /// or, when a long form type or name overflowed its column, at a run of two or more spaces.
    static func fixedWidth(
        _ bytes: UnsafeBufferPointer<UInt8>, _ row: Range<Int>, lineStart: Int, header: IndexHeader
    ) -> Result<IndexRow, Problem> {
        guard let (path, afterPath) = lastWord(bytes, row),
            let (date, afterDate) = lastWord(bytes, afterPath),
            let (cik, text) = lastWord(bytes, afterDate), !text.isEmpty
        else {
            return .failure(Problem(reason: "truncated row: fewer than 5 columns"))
        }
        guard ByteText.firstIndex(of: UInt8(ascii: "/"), in: bytes, path) != nil else {
            return .failure(Problem(reason: "truncated row: no file name at the end"))
        }
        guard let (first, second) = splitText(bytes, text, at: lineStart + header.secondColumnStart, kind: header.kind)
        else {
            return .failure(Problem(reason: "cannot tell the form type from the company name"))
        }
        let (name, form) = header.kind == .form ? (second, first) : (first, second)
        return make(bytes, cik: cik, name: name, form: form, date: date, path: path)
    }

    private static func make(
        _ bytes: UnsafeBufferPointer<UInt8>, cik: Range<Int>, name: Range<Int>, form: Range<Int>, date: Range<Int>,
        path: Range<Int>
    ) -> Result<IndexRow, Problem> {
        guard !form.isEmpty else { return .failure(Problem(reason: "empty form type")) }
        let fileStart = ByteText.lastIndex(of: UInt8(ascii: "/"), in: bytes, path).map { $0 + 1 } ?? path.lowerBound
        let fileName = fileStart..<path.upperBound
        let dot = ByteText.lastIndex(of: UInt8(ascii: "."), in: bytes, fileName)
        let accession = fileStart..<(dot ?? path.upperBound)
        return .success(IndexRow(cik: cik, companyName: name, form: form, date: date, path: path, accession: accession))
    }

    /// The last space-free word of `range` (right-trimmed) and what precedes it, right-trimmed.
    private static func lastWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (Range<Int>, Range<Int>)?
    {
        let end = ByteText.trimmed(bytes, range).upperBound
        var start = end
        while start > range.lowerBound, bytes[start - 1] != ByteText.space, bytes[start - 1] != ByteText.tab {
            start -= 1
        }
        guard start < end else { return nil }
        return (start..<end, ByteText.trimmed(bytes, range.lowerBound..<start))
    }

    /// Splits the text columns in two: at `column` when the row respects it, else at the first
    /// (form.idx: form first) or last (company.idx: form last) run of two or more spaces.
    private static func splitText(
        _ bytes: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, at column: Int, kind: IndexParseReport.Kind
    ) -> (Range<Int>, Range<Int>)? {
        if column > text.lowerBound, column < text.upperBound, bytes[column - 1] == ByteText.space,
            bytes[column] != ByteText.space
        {
            let first = ByteText.trimmed(bytes, text.lowerBound..<column)
            if !first.isEmpty { return (first, ByteText.trimmed(bytes, column..<text.upperBound)) }
        }
        var runs: [Range<Int>] = []
        var index = text.lowerBound
        while index < text.upperBound {
            guard bytes[index] == ByteText.space else {
                index += 1
                continue
            }
            var end = index
            while end < text.upperBound, bytes[end] == ByteText.space { end += 1 }
            if end - index >= 2 { runs.append(index..<end) }
            index = end
        }
        guard let run = kind == .form ? runs.first : runs.last else { return nil }
        return (text.lowerBound..<run.lowerBound, run.upperBound..<text.upperBound)
    }
}
