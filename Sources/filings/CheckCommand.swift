import ArgumentParser
import FilingsKit
import FilingsModel
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Is there any record? A verdict per claim for a company and a window, fetching what it needs.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Ticker, CIK, or company name.") var name: String
    @Option(help: "Pick this CIK when the name is ambiguous.") var cik: Int64?
    @Option(help: "First day of the window (YYYY-MM-DD).") var since: Day
    @Option(help: "Last day of the window (default: today).") var until: Day?
    @Option(help: "layoffs, departures or any (default: layoffs and departures).") var claim: Claim?
    @Flag(help: "Answer from the database alone, fetching nothing; what it does not hold is reported not covered.") var offline = false
    @Flag(help: "Print JSON only.") var json = false

    func validate() throws {
        if let until, since > until { throw ValidationError("--since \(since) is after --until \(until)") }
        // EDGAR dates its filings in Eastern time; a window that starts after today holds nothing yet.
        let today = Day(Date(), in: .eastern)
        if since > today { throw ValidationError("--since \(since) is in the future (today is \(today) in New York)") }
    }

    func run() async throws {
        // Online, check stores what it fetches, so it writes only in its turn; offline it only reads and never waits.
        let lock = offline ? nil : try await global.writerLockWaiting()
        defer { lock?.release() }
        let result = try await Checker(context: try global.context())
            .check(name, cik: cik, since: since, until: until, claims: claim.map { [$0] } ?? [.layoffs, .departures], offline: offline)
        Terminal.print(json ? try CheckReport.json(result) : CheckReport.text(result))
    }
}

extension Claim: ExpressibleByArgument {}
