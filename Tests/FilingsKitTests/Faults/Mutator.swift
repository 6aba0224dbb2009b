import Foundation
@testable import FilingsTestSupport

/// Seeded random mutations of a seed input: bit flips, truncations, insertions (random bytes and tokens that
/// parsers care about), deletions, duplicated chunks and boundary bytes, one to four per mutant.
struct Mutator {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Tokens that change how parsers split, quote, nest, decode or declare.
    static let tokens: [[UInt8]] = [
        "|", "\n", "\r\n", "\r", "\0", "\"", "\\", "{", "}", "[", "]", ",", ":", "<", ">", "&", "&amp;", "&#0;", "&#x110000;",
        "-1", "0", "99999999999999999999999", "1e308", "null", "true", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<![CDATA[",
        "\u{202E}", "\u{1B}[2J", "\u{FEFF}", "é", "🧨", "--------", "2025-02-30", "20251399", "0000000000-00-000000",
        "<c r=\"XFD1048577\" t=\"s\"><v>4294967296</v></c>", "<v>-1</v>", "<row r=\"0\">", "\"\"\"",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x92], [0x1F, 0x8B, 0x08], [0x50, 0x4B, 0x03, 0x04]]

    /// One mutant of `seed`.
    mutating func mutate(_ seed: Data) -> Data {
        var bytes = [UInt8](seed)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
            case 1:
                bytes = Array(bytes.prefix(position))
            case 2:
                let count = Int.random(in: 1...16, using: &random)
                bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: position)
            case 3:
                bytes.insert(contentsOf: Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &random)], at: position)
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...64, using: &random))
                bytes.removeSubrange(position..<end)
            case 5 where !bytes.isEmpty:
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let chunk = bytes[start..<min(bytes.count, start + Int.random(in: 1...256, using: &random))]
                bytes.insert(contentsOf: chunk, at: position)
            case 6 where !bytes.isEmpty:
                bytes[position] = [0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x7C][Int.random(in: 0..<6, using: &random)]
            default:
                bytes.append(UInt8.random(in: 0...255, using: &random))
            }
        }
        return Data(bytes)
    }

    /// A random pick from `items`.
    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &random)]
    }
}
