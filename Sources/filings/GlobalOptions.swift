import ArgumentParser
import FilingsKit
import FilingsModel
import Foundation

/// The options every command takes: where the database and feeds are, and who we are to the SEC.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("SQLite database file (env FILINGS_DB).", valueName: "path"))
    var db: String?

    @Option(help: ArgumentHelp("Directory of feed definitions (env FILINGS_FEEDS; default: the package's Feeds/).", valueName: "dir"))
    var feeds: String?

    @Option(name: .customLong("user-agent"), help: ArgumentHelp("\"Name email\" declared to the SEC (env FILINGS_USER_AGENT).", valueName: "text"))
    var userAgent: String?

    /// The database file: the option, then FILINGS_DB, then the default.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["FILINGS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Store.defaultPath()
    }

    /// Takes the one-writer lock of the database, failing at once when another run holds it.
    func writerLock() throws -> WriterLock {
        try WriterLock.acquire(databasePath: databasePath)
    }

    /// Takes the one-writer lock, waiting (and saying so on stderr) while another run holds it.
    func writerLockWaiting() async throws -> WriterLock {
        try await WriterLock.acquireWaiting(databasePath: databasePath) { held in
            if case .held(_, let pid) = held {
                Terminal.log("waiting for another filings run (PID \(pid.map(String.init) ?? "unknown")) to finish writing to \(databasePath)…")
            }
        }
    }

    /// Builds the live context from the options, then the environment, then the defaults.
    func context() throws -> FilingsContext {
        let environment = ProcessInfo.processInfo.environment
        guard let feedsDirectory = feeds ?? environment["FILINGS_FEEDS"] ?? FeedCatalog.defaultDirectory() else {
            throw ValidationError("cannot find the Feeds/ directory; pass --feeds DIR or set FILINGS_FEEDS")
        }
        let agent = userAgent ?? environment["FILINGS_USER_AGENT"]
        return try FilingsContext.live(databasePath: databasePath, feedsDirectory: feedsDirectory, userAgent: agent, log: Terminal.log)
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension EventKind: ExpressibleByArgument {}
extension Source: ExpressibleByArgument {}
