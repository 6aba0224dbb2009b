import Foundation

/// A real gzip bomb made without a compressor: one fixed-Huffman deflate block of a zero byte followed by
/// length-258 matches at distance 1 (13 bits each), so every 13 bits inflate to 258 zero bytes (~160:1).
enum GzipBomb {
    /// A gzip stream inflating to `1 + 258 × matches` zero bytes (its CRC is not computed: a reader must stop well before it).
    static func make(matches: Int) -> Data {
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(1, count: 2)  // BTYPE 01: fixed Huffman
        bits.writeCode(0x30, length: 8)  // literal 0x00
        for _ in 0..<matches {
            bits.writeCode(0xC5, length: 8)  // length code 285: 258 bytes
            bits.writeCode(0, length: 5)  // distance code 0: distance 1
        }
        bits.writeCode(0, length: 7)  // end of block
        var out = Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        out.append(contentsOf: bits.finished)
        out.append(contentsOf: [0, 0, 0, 0])  // CRC32, deliberately absent
        let size = UInt32(truncatingIfNeeded: 1 + 258 * matches)
        out.append(contentsOf: withUnsafeBytes(of: size.littleEndian) { Array($0) })
        return out
    }

    /// Deflate's bit order: fields least significant bit first, Huffman codes most significant bit first.
    private struct BitWriter {
        var bytes: [UInt8] = []
        private var current: UInt8 = 0
        private var used = 0

        mutating func write(_ value: UInt32, count: Int) {
            for index in 0..<count { push(UInt8((value >> index) & 1)) }
        }

        mutating func writeCode(_ code: UInt32, length: Int) {
            for index in stride(from: length - 1, through: 0, by: -1) { push(UInt8((code >> index) & 1)) }
        }

        private mutating func push(_ bit: UInt8) {
            current |= bit << used
            used += 1
            if used == 8 {
                bytes.append(current)
                current = 0
                used = 0
            }
        }

        var finished: [UInt8] { used > 0 ? bytes + [current] : bytes }
    }
}
