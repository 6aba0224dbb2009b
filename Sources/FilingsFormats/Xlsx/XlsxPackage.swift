import Foundation
import ZIPFoundation

/// The zip container of an xlsx file, checked for hostile content before any part is read.
struct XlsxPackage {
    let source: String
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: XlsxLimits

    /// Opens `data`, refusing non-zip bytes, unsafe paths and absurd sizes.
    init(data: Data, source: String, limits: XlsxLimits) throws {
        self.source = source
        self.limits = limits
        let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        guard data.count >= 4, Array(data.prefix(4)) == signature else {
            let prefix = String(decoding: data.prefix(40), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            throw XlsxError.notAZipArchive(source: source, prefix: prefix)
        }
        // ZIPFoundation traps on entries pointing past the end, so the structure is checked first.
        guard ZipBounds.problem(in: data) == nil else { throw XlsxError.unreadableArchive(source: source) }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw XlsxError.unreadableArchive(source: source)
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        for entry in archive {
            let path = entry.path
            try Self.checkPath(path, source: source)
            let size = entry.uncompressedSize
            if size > limits.maxEntryBytes {
                throw XlsxError.tooLarge(source: source, path: path, reason: "it unpacks to \(size) bytes, more than the limit of \(limits.maxEntryBytes)")
            }
            if size > limits.ratioFloorBytes, size / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
                throw XlsxError.tooLarge(source: source, path: path, reason: "it unpacks \(size / max(entry.compressedSize, 1)) times its packed size")
            }
            total += size
            if total > limits.maxTotalBytes {
                throw XlsxError.tooLarge(source: source, path: path, reason: "all entries together unpack to more than \(limits.maxTotalBytes) bytes")
            }
            entries[path] = entry
        }
        self.entries = entries
    }

    /// True when the archive holds a part at `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of one part, stopping as soon as it grows past its declared size or the limit
    /// (the central directory may lie about sizes).
    func read(_ path: String) throws -> Data {
        guard let entry = entries[path] else { throw XlsxError.missingPart(source: source, path: path) }
        let cap = min(entry.uncompressedSize, limits.maxEntryBytes)
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > cap {
                    throw XlsxError.tooLarge(source: source, path: path, reason: "it unpacks to more than its declared \(cap) bytes")
                }
            }
        } catch let error as XlsxError {
            throw error
        } catch {
            throw XlsxError.unreadableArchive(source: source)
        }
        return data
    }

    private static func checkPath(_ path: String, source: String) throws {
        let normalized = path.replacingOccurrences(of: "\\", with: "/")
        let components = normalized.split(separator: "/", omittingEmptySubsequences: false)
        let isAbsolute = normalized.hasPrefix("/") || (normalized.count > 1 && Array(normalized)[1] == ":")
        if isAbsolute || components.contains("..") {
            throw XlsxError.unsafeEntryPath(source: source, path: path)
        }
    }
}
