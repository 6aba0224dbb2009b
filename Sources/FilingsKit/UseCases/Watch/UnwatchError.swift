import Foundation

/// Why `unwatch` did nothing.
public enum UnwatchError: LocalizedError, Equatable {
    case notWatched(String)

    public var errorDescription: String? {
        switch self {
        case .notWatched(let query): "\"\(query)\" is not watched; `filings watches` lists what is"
        }
    }
}
