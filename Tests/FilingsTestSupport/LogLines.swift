import Foundation

/// Lines a client logged, collected for assertions.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    /// Every line so far.
    var lines: [String] { lock.withLock { stored } }

    /// Appends a line; pass as `log: logLines.append`.
    func append(_ line: String) { lock.withLock { stored.append(line) } }
}
