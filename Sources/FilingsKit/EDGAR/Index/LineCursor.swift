import Foundation

/// Walks a byte buffer line by line (LF or CRLF) without copying, counting 1-based line numbers.
struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private(set) var lineNumber = 0

    /// A cursor at byte `position`, which starts line `linesBefore + 1`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0, linesBefore: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.lineNumber = linesBefore
    }

    /// The next line's byte range, without its line terminator; nil at the end.
    mutating func next() -> Range<Int>? {
        guard position < bytes.count, let base = bytes.baseAddress else { return nil }
        lineNumber += 1
        let start = position
        var end = bytes.count
        if let hit = memchr(base + start, 0x0A, bytes.count - start) {
            end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            position = end + 1
        } else {
            position = end
        }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
