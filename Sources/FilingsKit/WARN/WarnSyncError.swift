import Foundation

/// Why the California feed failed.
public enum WarnSyncError: LocalizedError, Equatable {
    case noPage(url: String)
    case noReports(url: String)
    case reportGone(url: String)

    public var errorDescription: String? {
        switch self {
        case .noPage(let url): "the EDD WARN page is not at \(url); update urls.page in Feeds/ca-warn.json"
        case .noReports(let url): "the EDD WARN page \(url) links to no WARN report; its layout may have changed"
        case .reportGone(let url): "\(url) is linked from the EDD page but not found"
        }
    }
}
