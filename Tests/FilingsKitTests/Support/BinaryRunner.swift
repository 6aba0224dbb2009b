import Foundation

/// Runs the built `filings` executable as a user would, capturing its output.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `filings` binary next to the test bundle (SwiftPM builds it because the tests depend on it).
    static let executable: URL? = {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for dir in candidates {
            var current = dir
            for _ in 0..<3 {
                let url = current.appendingPathComponent("filings")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return url
                }
                current = current.deletingLastPathComponent()
            }
        }
        return nil
    }()

    var environment: [String: String]

    /// Runs `filings` with `arguments`, feeding `input` on stdin, off the test's concurrency pool.
    func run(_ arguments: [String], input: Data? = nil) async throws -> Result {
        guard let executable = BinaryRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        let environment = environment
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = executable
                    process.arguments = arguments
                    process.environment = environment
                    let out = Pipe()
                    let err = Pipe()
                    let inPipe = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = inPipe
                    try process.run()
                    if let input { inPipe.fileHandleForWriting.write(input) }
                    try inPipe.fileHandleForWriting.close()
                    let stdout = out.fileHandleForReading.readDataToEndOfFile()
                    let stderr = err.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(
                        returning: Result(
                            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                            stderr: String(decoding: stderr, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
