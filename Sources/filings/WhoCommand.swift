import ArgumentParser
import FilingsKit
import FilingsModel

struct WhoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "Show every name a company is known by, where each came from, and the notices each has matched.",
        discussion: """
            Names: EDGAR's current and former names, tickers, the brand (a ticker that is the first word of \
            the name: META gives "Meta"), your aliases, and the subsidiaries in Exhibit 21 of its latest 10-K \
            (read when the company is watched). Notices are the stored WARN notices and ERM events.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A company name, ticker or CIK.") var name: String
    @Flag(help: "Resolve from stored names only; fetch nothing.") var offline = false
    @Flag(help: "Print JSON only.") var json = false

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give a company name, ticker or CIK") }
    }

    func run() async throws {
        let context = try global.context()
        // Online, the ticker maps may be refreshed: a write, so it waits its turn like `check`.
        let lock = offline ? nil : try await global.writerLockWaiting()
        defer { lock?.release() }
        let identity = try await IdentityFinder(context: context).identity(of: name, offline: offline)
        Terminal.print(json ? try Listing.json(identity) : IdentityReport.text(identity))
    }
}
