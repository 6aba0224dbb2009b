import Foundation
@testable import FilingsTestSupport

/// Reads a mail file back with Python's `email` package (policy default), the independent parser
/// of ``MailParsedByPythonTests``.
enum PythonMailReader {
    /// The parsed message, or nil (with a visible note) when `python3` is not on PATH.
    static func parse(_ file: URL) throws -> MailParsedByPythonTests.Parsed? {
        guard ProcessRunner.isAvailable("python3") else {
            print("note: python3 not found on PATH; the mail is not parsed back by Python's email package")
            return nil
        }
        let result = try ProcessRunner.run(
            "python3", ["-c", MailParsedByPythonTests.script, file.path],
            environment: ProcessInfo.processInfo.environment,
            directory: file.deletingLastPathComponent())
        guard result.status == 0 else { throw PythonMailError.failed(file.path, result.stderr) }
        return try JSONDecoder().decode(MailParsedByPythonTests.Parsed.self, from: Data(result.stdout.utf8))
    }

    /// Writes `text` to a new file in `directory` and parses it.
    static func parse(_ text: String, in directory: URL) throws -> MailParsedByPythonTests.Parsed? {
        let file = directory.appendingPathComponent("message-\(UUID().uuidString).eml")
        try Data(text.utf8).write(to: file)
        return try parse(file)
    }
}

/// Python could not read a message (a non-ASCII byte makes its ASCII read fail, by design).
enum PythonMailError: Error, CustomStringConvertible {
    case failed(String, String)

    var description: String {
        switch self {
        case .failed(let path, let stderr): "python3 could not parse \(path): \(stderr)"
        }
    }
}
