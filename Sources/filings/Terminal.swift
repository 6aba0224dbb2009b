import Foundation

/// Where the command line writes: results to stdout, progress and diagnostics to stderr.
enum Terminal {
    /// Writes `text` to stdout as is.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes one diagnostic line to stderr.
    @Sendable static func log(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }
}
