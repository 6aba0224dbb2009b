import Foundation

/// Small readers over a byte buffer and a range of it, for the index parsers' hot loops.
package enum ByteText {
    package static let space: UInt8 = 0x20
    package static let tab: UInt8 = 0x09
    package static let dash: UInt8 = 0x2D
    package static let pipe: UInt8 = 0x7C
    package static let colon: UInt8 = 0x3A

    /// `range` without leading and trailing spaces and tabs.
    package static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == space || bytes[lower] == tab { lower += 1 }
        while upper > lower, bytes[upper - 1] == space || bytes[upper - 1] == tab { upper -= 1 }
        return lower..<upper
    }

    /// True when `range` holds only spaces and tabs.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        trimmed(bytes, range).isEmpty
    }

    /// The first position of `byte` in `range`.
    package static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The last position of `byte` in `range`.
    package static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            if bytes[index] == byte { return index }
        }
        return nil
    }

    /// True when `range` is exactly `text` (ASCII).
    package static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        let start = text.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != start[offset] {
            return false
        }
        return true
    }

    /// A CIK: 1 to 10 ASCII digits, not zero.
    package static func cik(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        guard !range.isEmpty, range.count <= 10 else { return nil }
        var value: Int64 = 0
        for index in range {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value > 0 ? value : nil  // EDGAR numbers CIKs from 1; a zero is a shifted or damaged column
    }

    /// An ISO date `YYYY-MM-DD` from `YYYYMMDD` or `YYYY-MM-DD`, with month and day in range.
    package static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        let start = range.lowerBound
        let dashed: Bool
        switch range.count {
        case 8:
            dashed = false
        case 10:
            guard bytes[start + 4] == dash, bytes[start + 7] == dash else { return nil }
            dashed = true
        default:
            return nil
        }
        let monthAt = dashed ? start + 5 : start + 4
        let dayAt = dashed ? start + 8 : start + 6
        guard let year = number(bytes, start, 4), let month = number(bytes, monthAt, 2),
            let day = number(bytes, dayAt, 2), year >= 1900, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return String(unsafeUninitializedCapacity: 10) { iso in
            for offset in 0..<4 { iso[offset] = bytes[start + offset] }
            iso[4] = dash
            iso[5] = bytes[monthAt]
            iso[6] = bytes[monthAt + 1]
            iso[7] = dash
            iso[8] = bytes[dayAt]
            iso[9] = bytes[dayAt + 1]
            return 10
        }
    }

    /// An accession number `NNNNNNNNNN-NN-NNNNNN`.
    package static func isAccession(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count == 20 else { return false }
        for offset in 0..<20 {
            let byte = bytes[range.lowerBound + offset]
            if offset == 10 || offset == 13 {
                guard byte == dash else { return false }
            } else if byte &- 0x30 >= 10 {
                return false
            }
        }
        return true
    }

    /// Text known to be ASCII (form types, paths); invalid bytes would become U+FFFD.
    package static func plain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Text as UTF-8, or as Latin-1 when the bytes are not valid UTF-8 (old filer names are).
    package static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if let utf8 = String(validating: slice, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(slice.lazy.map { Unicode.Scalar($0) }))
    }

    /// At most the first 80 bytes of a field as text, with "…" when cut: for quoting a bad field in a message,
    /// so a hostile 50 MB field costs 80 bytes, not a 50 MB string per diagnostic.
    package static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let limit = 80
        guard range.count > limit else { return text(bytes, range) }
        return text(bytes, range.lowerBound..<(range.lowerBound + limit)) + "…"
    }

    /// The `count` ASCII digits at `start` as a number.
    package static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
