import ArgumentParser
import FilingsKit
import FilingsModel

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Watch a company, named by ticker, CIK, or current or former name.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticker, CIK, or company name.") var name: String
    @Option(help: "Pick this CIK when the name is ambiguous.") var cik: Int64?
    @Option(name: .customLong("alias"), help: "Another name the company's notices use (repeatable).") var aliases: [String] = []

    func run() async throws {
        let lock = try global.writerLock()
        defer { lock.release() }
        let outcome = try await Watcher(context: try global.context()).watch(name, cik: cik, aliases: aliases)
        Terminal.print(WatchSummary.text(outcome))
        if let first = outcome.readFailures.first {
            Terminal.log("note: \(outcome.readFailures.count) of the past year's filings could not be read now (first: \(first)); they keep their item events and sync retries them for 30 days")
        }
        if let error = outcome.historyError {
            Terminal.log("warning: the filing history could not be loaded: \(error); the next sync retries")
            throw ExitCode.failure
        }
    }
}
