import ArgumentParser
import FilingsKit
import FilingsModel

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Fetch every feed since its last success, store new records and raise events.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "First EDGAR index day (YYYY-MM-DD).") var since: Day?
    @Option(help: "Last EDGAR index day (YYYY-MM-DD).") var until: Day?
    @Option(name: .customLong("only"), help: "Sync only this feed (repeatable): sec-edgar, ca-warn, eu-erm.") var only: [String] = []

    func validate() throws {
        if let since, let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
    }

    func run() async throws {
        let lock = try global.writerLock()
        defer { lock.release() }
        let reports = try await Syncer(context: try global.context()).run(only: only, since: since, until: until)
        Terminal.log(SyncSummary.text(reports))
        if reports.contains(where: \.failed) { throw ExitCode.failure }
    }
}
