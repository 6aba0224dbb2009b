import FilingsModel
import Foundation

/// The feed's `filingIndex` URL cut into literal bytes and slots, so a row's URL is written into a
/// reused buffer instead of being built through `URL` and string replacement for every row.
///
/// It writes exactly what `FilingURL.index(feed:cik:accession:)` builds (a test holds it to that).
struct FilingURLTemplate: Sendable {
    private enum Part: Sendable {
        case literal([UInt8])
        case cik
        case accession
        case accessionDigits
    }

    private static let markers: [(String, Part)] = [
        ("QQXCIKXQQ", .cik), ("QQXACCESSIONXQQ", .accession), ("QQXDIGITSXQQ", .accessionDigits),
    ]

    private let parts: [Part]
    /// The URL with a marker in each slot: what the store keeps, once per load, to give each row's URL back.
    let pattern: String

    /// Builds the template from the feed's `archives` base and `filingIndex` path.
    init(feed: FeedDefinition) throws {
        let sample = try feed.url(
            "archives", "filingIndex",
            ["cik": Self.markers[0].0, "accession": Self.markers[1].0, "accessionDigits": Self.markers[2].0]
        ).absoluteString
        pattern = sample
        var parts: [Part] = []
        var rest = Substring(sample)
        while !rest.isEmpty {
            let next = Self.markers.compactMap { marker, part in rest.range(of: marker).map { ($0, part) } }
                .min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, part) = next else {
                parts.append(.literal(Array(rest.utf8)))
                break
            }
            if range.lowerBound > rest.startIndex { parts.append(.literal(Array(rest[..<range.lowerBound].utf8))) }
            parts.append(part)
            rest = rest[range.upperBound...]
        }
        self.parts = parts
    }

    /// Replaces `buffer`'s contents with the URL of the filing `accession` (ASCII `NNNNNNNNNN-NN-NNNNNN`) of `cik`.
    func write(cik: Int64, accession: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        for part in parts {
            switch part {
            case .literal(let bytes): buffer.append(contentsOf: bytes)
            case .cik: Self.appendDecimal(cik, to: &buffer)
            case .accession: buffer.append(contentsOf: accession)
            case .accessionDigits:
                for byte in accession where byte &- 0x30 < 10 { buffer.append(byte) }
            }
        }
    }

    /// An SQL expression filling the markers of the stored `pattern` (expression `pattern`) with a row's
    /// `cik` and `accession` expressions: the same URL `write` builds, as accessions hold only digits and dashes.
    static func sqlExpansion(pattern: String, cik: String, accession: String) -> String {
        "replace(replace(replace(\(pattern), '\(markers[0].0)', \(cik)), '\(markers[1].0)', \(accession)), "
            + "'\(markers[2].0)', replace(\(accession), '-', ''))"
    }

    /// Appends a CIK (never negative: the parser reads it from digits) in decimal.
    private static func appendDecimal(_ value: Int64, to buffer: inout [UInt8]) {
        var divisor: Int64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            buffer.append(UInt8(value / divisor % 10) + 0x30)
            divisor /= 10
        }
    }
}
