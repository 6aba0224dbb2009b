import Foundation

/// Why a workbook could not be read; every message names the file.
public enum XlsxError: Error, Equatable, LocalizedError {
    /// The bytes do not start with the zip signature `PK\x03\x04` (often an HTML error page saved as `.xlsx`).
    case notAZipArchive(source: String, prefix: String)
    /// The zip directory could not be read.
    case unreadableArchive(source: String)
    /// An entry path is absolute or climbs out of the archive with `..`.
    case unsafeEntryPath(source: String, path: String)
    /// The uncompressed size of one entry or of all entries exceeds the limit, or the compression ratio is absurd.
    case tooLarge(source: String, path: String, reason: String)
    /// An XML part declares a DOCTYPE or ENTITY, which a workbook never needs (entity expansion attacks).
    case forbiddenDeclaration(source: String, path: String)
    /// A required part (workbook, worksheet) is missing.
    case missingPart(source: String, path: String)
    /// An XML part is not well formed.
    case malformedXML(source: String, path: String, line: Int, message: String)

    /// A sentence saying what is wrong with which file and what to do.
    public var errorDescription: String? {
        switch self {
        case let .notAZipArchive(source, prefix):
            "\(source) is not an xlsx workbook (it does not start with the zip signature; it starts with \"\(prefix)\"): the server probably sent an error page; download it again or check the link."
        case let .unreadableArchive(source):
            "\(source): the zip directory of this xlsx workbook cannot be read; the download is probably truncated, fetch it again."
        case let .unsafeEntryPath(source, path):
            "\(source): refusing xlsx entry with an unsafe path \"\(path)\" (absolute or containing ..); this is not a genuine workbook."
        case let .tooLarge(source, path, reason):
            "\(source): refusing xlsx entry \"\(path)\": \(reason); this looks like a zip bomb, not a workbook."
        case let .forbiddenDeclaration(source, path):
            "\(source): refusing \(path) because it declares a DOCTYPE or ENTITY, which genuine workbooks never do."
        case let .missingPart(source, path):
            "\(source): the workbook has no part \(path); the file is damaged or not an Excel workbook."
        case let .malformedXML(source, path, line, message):
            "\(source): \(path) line \(line) is not well-formed XML (\(message)); the file is damaged, download it again."
        }
    }
}
