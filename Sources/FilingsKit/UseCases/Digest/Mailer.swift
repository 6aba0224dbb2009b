import Foundation

/// Hands a finished message to a mail command (`sendmail -t`, `msmtp -t`, anything reading stdin).
public struct Mailer: Sendable {
    /// Runs `command` with `message` on its standard input and returns its exit status.
    public var send: @Sendable (_ command: String, _ message: Data) async throws -> Int32

    public init(send: @escaping @Sendable (String, Data) async throws -> Int32) {
        self.send = send
    }

    /// Runs the command through `/bin/sh -c`, so users write it as they would in a shell.
    public static let live = Mailer { command, message in
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/bin/sh")
                    process.arguments = ["-c", command]
                    let input = Pipe()
                    process.standardInput = input
                    try process.run()
                    // A command that exits without reading stdin closes the pipe; that is its exit status's business.
                    signal(SIGPIPE, SIG_IGN)
                    try? input.fileHandleForWriting.write(contentsOf: message)
                    try? input.fileHandleForWriting.close()
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: DigestError.mailerDidNotStart(command: command, reason: error.localizedDescription))
                }
            }
        }
    }
}
