import Foundation

/// Why an EDGAR step failed.
public enum EDGARSyncError: LocalizedError, Equatable {
    case noSubmissions(cik: Int64, url: String)
    case missingDocument(url: String)

    public var errorDescription: String? {
        switch self {
        case .noSubmissions(let cik, let url):
            "EDGAR has no submissions file for CIK \(cik) (\(url)); check the CIK"
        case .missingDocument(let url):
            "EDGAR has no document at \(url); it is tried again the next time the company is watched or synced"
        }
    }
}
