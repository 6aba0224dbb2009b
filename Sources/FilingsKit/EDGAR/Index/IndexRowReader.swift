import FilingsFormats
import Foundation

/// The hot loop's readers for a master index row: the same answers as `IndexRow.master` and
/// `ByteText.isoDate`, found with `memchr` and written in place instead of into new strings.
enum IndexRowReader {
    /// The fields of `row` when it has exactly four `|` (nearly every row); nil otherwise, and the
    /// caller asks `IndexRow.master`, which also handles a `|` inside a company name.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ row: Range<Int>) -> IndexRow? {
        guard let base = bytes.baseAddress,
            let first = pipe(base, from: row.lowerBound, to: row.upperBound),
            let second = pipe(base, from: first + 1, to: row.upperBound),
            let third = pipe(base, from: second + 1, to: row.upperBound),
            let fourth = pipe(base, from: third + 1, to: row.upperBound),
            pipe(base, from: fourth + 1, to: row.upperBound) == nil
        else { return nil }
        let form = ByteText.trimmed(bytes, (second + 1)..<third)
        guard !form.isEmpty else { return nil }
        let path = ByteText.trimmed(bytes, (fourth + 1)..<row.upperBound)
        let fileStart = ByteText.lastIndex(of: UInt8(ascii: "/"), in: bytes, path).map { $0 + 1 } ?? path.lowerBound
        let dot = ByteText.lastIndex(of: UInt8(ascii: "."), in: bytes, fileStart..<path.upperBound)
        return IndexRow(
            cik: ByteText.trimmed(bytes, row.lowerBound..<first), companyName: ByteText.trimmed(bytes, (first + 1)..<second),
            form: form, date: ByteText.trimmed(bytes, (third + 1)..<fourth), path: path,
            accession: fileStart..<(dot ?? path.upperBound))
    }

    /// Writes the ISO form (`YYYY-MM-DD`) of the date at `range` into `iso` (10 bytes) and returns
    /// true, exactly when `ByteText.isoDate` would return that text; false when it would return nil.
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into iso: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        let start = range.lowerBound
        let dashed: Bool
        switch range.count {
        case 8: dashed = false
        case 10:
            guard bytes[start + 4] == ByteText.dash, bytes[start + 7] == ByteText.dash else { return false }
            dashed = true
        default: return false
        }
        let monthAt = dashed ? start + 5 : start + 4
        let dayAt = dashed ? start + 8 : start + 6
        guard let year = ByteText.number(bytes, start, 4), let month = ByteText.number(bytes, monthAt, 2), let day = ByteText.number(bytes, dayAt, 2),
            year >= 1900, (1...12).contains(month), (1...31).contains(day)
        else { return false }
        for offset in 0..<4 { iso[offset] = bytes[start + offset] }
        iso[4] = ByteText.dash
        iso[5] = bytes[monthAt]
        iso[6] = bytes[monthAt + 1]
        iso[7] = ByteText.dash
        iso[8] = bytes[dayAt]
        iso[9] = bytes[dayAt + 1]
        return true
    }

    private static func pipe(_ base: UnsafePointer<UInt8>, from lower: Int, to upper: Int) -> Int? {
        guard lower < upper, let hit = memchr(base + lower, Int32(ByteText.pipe), upper - lower) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
}
