import Foundation

/// Runs a program found on PATH (via `/usr/bin/env`) for tests, output captured in files.
struct ProcessRunner {
    /// The outcome of a finished run.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// When the program was seen to have exited.
        var finishedAt = Date()
    }

    /// A started run: wait for it with ``finish()``.
    struct Running {
        let process: Process
        let stdoutURL: URL
        let stderrURL: URL

        var pid: Int32 { process.processIdentifier }

        func finish() throws -> Result {
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus,
                stdout: try String(contentsOf: stdoutURL, encoding: .utf8),
                stderr: try String(contentsOf: stderrURL, encoding: .utf8))
        }
    }

    /// Starts `command` with `arguments`, the given environment and optional stdin file.
    static func start(
        _ command: String, _ arguments: [String], environment: [String: String], directory: URL, stdin: URL? = nil
    ) throws -> Running {
        let tag = UUID().uuidString
        let stdoutURL = directory.appendingPathComponent("stdout-\(tag)")
        let stderrURL = directory.appendingPathComponent("stderr-\(tag)")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        return Running(process: process, stdoutURL: stdoutURL, stderrURL: stderrURL)
    }

    /// Runs `command` to completion.
    static func run(
        _ command: String, _ arguments: [String], environment: [String: String], directory: URL, stdin: URL? = nil
    ) throws -> Result {
        try start(command, arguments, environment: environment, directory: directory, stdin: stdin).finish()
    }

    /// True when `command` is on PATH.
    static func isAvailable(_ command: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
    }
}
