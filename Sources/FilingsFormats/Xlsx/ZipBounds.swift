import Foundation

/// Checks that every structure of a zip archive lies inside its bytes, before ZIPFoundation reads it.
///
/// ZIPFoundation's in-memory reader traps (ending the process) when a central directory entry
/// points past the end of the data: a damaged or hostile xlsx must be an error, never a crash.
/// ZIP64 archives are refused: no workbook under ``XlsxLimits`` needs them.
enum ZipBounds {
    /// Nil when the archive is sound enough to hand to ZIPFoundation, else what is wrong, in words.
    static func problem(in data: Data) -> String? {
        data.withUnsafeBytes { raw in problem(in: Reader(bytes: raw)) }
    }

    private static func problem(in zip: Reader) -> String? {
        guard let end = zip.lastOffset(of: 0x0605_4B50, from: zip.count - 22) else { return "no end of central directory" }
        if end >= 20, zip.uint32(end - 20) == 0x0706_4B50 { return "a ZIP64 archive" }
        guard let entries = zip.uint16(end + 10), let size = zip.uint32(end + 12), let start = zip.uint32(end + 16) else {
            return "a truncated end of central directory"
        }
        guard start + size <= end else { return "the central directory lies outside the file" }
        var offset = start
        for number in 0..<entries {
            guard offset + 46 <= start + size, zip.uint32(offset) == 0x0201_4B50,
                let flags = zip.uint16(offset + 8), let compressed = zip.uint32(offset + 20), let unpacked = zip.uint32(offset + 24),
                let nameLength = zip.uint16(offset + 28), let extraLength = zip.uint16(offset + 30),
                let commentLength = zip.uint16(offset + 32), let local = zip.uint32(offset + 42)
            else { return "central directory entry \(number + 1) is damaged" }
            let next = offset + 46 + nameLength + extraLength + commentLength
            guard next <= start + size, [compressed, unpacked, local].allSatisfy({ $0 != 0xFFFF_FFFF }),
                zip.extraFieldsAreSound(at: offset + 46 + nameLength, length: extraLength)
            else { return "central directory entry \(number + 1) is damaged" }
            guard let localProblem = zip.localEntryProblem(at: local, compressed: compressed, hasDescriptor: flags & 0x8 != 0) else {
                offset = next
                continue
            }
            return "entry \(number + 1): \(localProblem)"
        }
        return nil
    }

    /// Little-endian reads that answer nil outside the bytes.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var count: Int { bytes.count }

        func uint16(_ offset: Int) -> Int? {
            guard offset >= 0, offset + 2 <= count else { return nil }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        }

        func uint32(_ offset: Int) -> Int? {
            guard let low = uint16(offset), let high = uint16(offset + 2) else { return nil }
            return low | high << 16
        }

        /// The last offset at or before `from` holding `signature` (ZIPFoundation scans from the end the same way).
        func lastOffset(of signature: Int, from: Int) -> Int? {
            var offset = from
            while offset >= 0 {
                if uint32(offset) == signature { return offset }
                offset -= 1
            }
            return nil
        }

        /// True when the extra field blocks fit their length and none is a ZIP64 block.
        func extraFieldsAreSound(at start: Int, length: Int) -> Bool {
            var offset = start
            while offset + 4 <= start + length {
                guard let id = uint16(offset), let size = uint16(offset + 2), id != 0x0001, offset + 4 + size <= start + length else {
                    return false
                }
                offset += 4 + size
            }
            return true
        }

        /// Nil when the local header at `offset`, its data and its data descriptor all lie inside the bytes.
        func localEntryProblem(at offset: Int, compressed: Int, hasDescriptor: Bool) -> String? {
            guard offset + 30 <= count, uint32(offset) == 0x0403_4B50, let nameLength = uint16(offset + 26),
                let extraLength = uint16(offset + 28)
            else { return "its local header lies outside the file or is damaged" }
            guard extraFieldsAreSound(at: offset + 30 + nameLength, length: extraLength) else { return "its local header is damaged" }
            let dataEnd = offset + 30 + nameLength + extraLength + compressed
            guard dataEnd + (hasDescriptor ? 12 : 0) <= count else { return "its data runs past the end of the file" }
            return nil
        }
    }
}
