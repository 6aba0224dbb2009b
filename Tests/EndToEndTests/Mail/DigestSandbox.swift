import Foundation

@testable import FilingsKit
@testable import FilingsTestSupport

/// A database with undelivered events, made as a user makes one: `filings watch Meta`, then
/// `filings sync` against the loopback EDGAR mirror, all through the built binary.
///
/// After `watch`, Meta's history is in the database and every event from it is historical (never
/// mailed). The first sync of the mirror's week raises the Item 2.05 layoff of 2025-11-18; the
/// second learns the items of the 8-K of 2025-11-19 and raises its Item 5.02 officer change.
struct DigestSandbox {
    static let layoff = "0001628280-25-061001"
    static let payOnly502 = "0001628280-25-061230"
    static let history = "0001326801-25-000099"

    let mirror: EDGARMirror
    let directory: URL
    let database: URL
    var environment: [String: String]

    /// The binary with this sandbox's environment.
    var filings: BinaryRunner { BinaryRunner(environment: environment) }

    /// A sandbox whose database watches Meta (history loaded, nothing pending yet).
    ///
    /// `companyName` replaces Meta's name in the submissions files the mirror serves, to see an
    /// untrusted or non-ASCII name travel from EDGAR to the mail.
    static func watchingMeta(on server: LoopbackServer, companyName: String? = nil) async throws -> DigestSandbox {
        let mirror = try await EDGARMirror.start(on: server)
        if let companyName {
            var replies: [LoopbackServer.Reply] = []
            for name in ["watch", "sync1", "sync2"] {
                replies.append(
                    .ok(try renamed(SharedData.fixture("mirror/CIK0001326801.\(name).json"), to: companyName)))
            }
            await server.route("/submissions/CIK0001326801.json", replies)
        }
        let directory = try temporaryDirectory()
        let database = directory.appendingPathComponent("filings.sqlite")
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory.path,
            "FILINGS_DB": database.path,
            "FILINGS_FEEDS": mirror.feedsDirectory.path,
            "FILINGS_USER_AGENT": EDGARMirror.userAgent,
        ]
        let sandbox = DigestSandbox(mirror: mirror, directory: directory, database: database, environment: environment)
        let watch = try await sandbox.filings.run(["watch", "Meta"])
        guard watch.status == 0 else { throw SandboxError.step("watch Meta", watch) }
        return sandbox
    }

    /// Syncs the mirror's week once more; each of the first two syncs raises one new event.
    func sync() async throws {
        let sync = try await filings.run(["sync", "--since", "2025-11-17", "--until", "2025-11-23"])
        guard sync.status == 0 else { throw SandboxError.step("sync", sync) }
    }

    /// Runs `filings digest` with `arguments`.
    func digest(_ arguments: [String]) async throws -> ProcessRunner.Result {
        try await filings.run(["digest"] + arguments)
    }

    /// The accession numbers `filings digest --format json` lists as pending, newest first; marks nothing.
    func pending() async throws -> [String] {
        let result = try await digest(["--format", "json"])
        guard result.status == 0 else { throw SandboxError.step("digest --format json", result) }
        if result.stdout.isEmpty { return [] }
        let events = try JSONDecoder().decode([EventJSON].self, from: Data(result.stdout.utf8))
        return events.map(\.sourceRef)
    }

    /// The submissions JSON with the company's `name` replaced.
    static func renamed(_ data: Data, to name: String) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        object["name"] = name
        return try JSONSerialization.data(withJSONObject: object)
    }
}

/// A setup step of a sandbox failed.
enum SandboxError: Error, CustomStringConvertible {
    case step(String, ProcessRunner.Result)

    var description: String {
        switch self {
        case .step(let step, let result): "`filings \(step)` exited \(result.status): \(result.stderr)"
        }
    }
}
