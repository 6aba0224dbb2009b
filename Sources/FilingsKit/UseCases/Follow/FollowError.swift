import Foundation

/// Why `filings follow` cannot start.
public enum FollowError: LocalizedError, Equatable {
    case intervalTooShort(seconds: Double)
    case benchIntervalNotLoopback(url: String)

    public var errorDescription: String? {
        switch self {
        case .intervalTooShort(let seconds):
            "--interval \(Int(seconds)) is too short: EDGAR's feed is read at most every \(Int(EDGARHours.shortest)) seconds"
        case .benchIntervalNotLoopback(let url):
            "--bench-interval is for a mirror on this machine only, and the feed is \(url); use --interval"
        }
    }
}
