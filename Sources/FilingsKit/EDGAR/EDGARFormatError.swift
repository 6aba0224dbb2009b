import Foundation

/// An EDGAR file that cannot be read at all (as opposed to a malformed row, which is skipped and counted).
public enum EDGARFormatError: LocalizedError, Equatable {
    /// The bytes are empty.
    case empty(source: String)
    /// The bytes are an HTML or XML page (an error, access-denied or rate-limit page), not data.
    case htmlPage(source: String)
    /// The bytes are not what was expected; `expected` names the format, `found` says what was seen.
    case unexpectedContent(source: String, expected: String, found: String)
    /// The gzip wrapper could not be inflated.
    case compression(source: String, reason: String)
    /// The file could not be opened or read.
    case unreadable(source: String, reason: String)

    /// The file or URL the error is about.
    public var source: String {
        switch self {
        case .empty(let source), .htmlPage(let source), .unexpectedContent(let source, _, _),
            .compression(let source, _), .unreadable(let source, _):
            return source
        }
    }

    /// A one-line description naming the source and what to do.
    public var errorDescription: String? {
        switch self {
        case .empty(let source):
            return "\(source): the file is empty; fetch it again"
        case .htmlPage(let source):
            return "\(source): got an HTML or XML page instead of EDGAR data (an error, access-denied or rate-limit page?); "
                + "check the URL and the User-Agent, wait, and fetch again"
        case .unexpectedContent(let source, let expected, let found):
            return "\(source): not \(expected): \(found); check that this is the right file"
        case .compression(let source, let reason):
            return "\(source): gzip data could not be decompressed: \(reason); fetch the file again"
        case .unreadable(let source, let reason):
            return "cannot read \(source): \(reason)"
        }
    }
}
