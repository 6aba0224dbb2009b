import ArgumentParser
import FilingsKit

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Per feed: last success and attempt, what is stored and covered, what fails now; the SEC ban.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON only.") var json = false

    func run() async throws {
        let reporter = StatusReporter(context: try global.context())
        let statuses = try reporter.statuses()
        let ban = reporter.secBanUntil()
        Terminal.print(json ? try StatusSummary.json(statuses, secBanUntil: ban) : StatusSummary.text(statuses, secBanUntil: ban))
    }
}
