import Foundation

/// Runs the built `filings` executable as a user would, capturing its output.
struct BinaryRunner {
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

    /// Runs `filings` with `arguments` (and `input` on stdin), output captured in files, off the test's concurrency pool.
    func run(_ arguments: [String], input: Data? = nil) async throws -> ProcessRunner.Result {
        guard let executable = BinaryRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        let directory = try temporaryDirectory()
        let stdin = try input.map { input in
            let url = directory.appendingPathComponent("stdin")
            try input.write(to: url)
            return url
        }
        let environment = environment
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    try ProcessRunner.run(executable.path, arguments, environment: environment, directory: directory, stdin: stdin)
                })
            }
        }
    }
}
