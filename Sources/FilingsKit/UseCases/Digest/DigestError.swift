import Foundation

/// Why a digest was not delivered; its events stay pending for the next run.
public enum DigestError: LocalizedError, Equatable {
    case mailerFailed(command: String, status: Int32)
    case mailerDidNotStart(command: String, reason: String)
    case noRecipient

    public var errorDescription: String? {
        switch self {
        case .mailerFailed(let command, let status):
            "the mail command `\(command)` exited with status \(status); nothing was marked delivered, the next digest sends these events again"
        case .mailerDidNotStart(let command, let reason):
            "cannot run the mail command `\(command)`: \(reason); nothing was marked delivered"
        case .noRecipient:
            "a mail digest needs a recipient: pass --to ADDRESS or set FILINGS_TO"
        }
    }
}
