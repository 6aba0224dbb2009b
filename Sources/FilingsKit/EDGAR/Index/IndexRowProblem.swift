import FilingsFormats
import Foundation

/// Why an index row is malformed, worded once for both index readers (the parser and the bulk stream), so they skip the same rows for the same reasons.
enum IndexRowProblem {
    /// The longest company name accepted (EDGAR's conformed names are under 200 characters); a longer one is damage.
    static let maxNameBytes = 1_000

    static func cik(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        "CIK \"\(ByteText.excerpt(bytes, range))\" is not a CIK (1 to 10 digits, not zero)"
    }

    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        "date \"\(ByteText.excerpt(bytes, range))\" is not YYYYMMDD or YYYY-MM-DD"
    }

    static func accession(_ bytes: UnsafeBufferPointer<UInt8>, path range: Range<Int>) -> String {
        "file name \"\(ByteText.excerpt(bytes, range))\" has no accession number"
    }

    /// The problem with a company name, if it is too long to be one.
    static func name(_ range: Range<Int>) -> String? {
        range.count > maxNameBytes ? "company name of \(range.count) bytes is longer than any EDGAR name" : nil
    }
}
