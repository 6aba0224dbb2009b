import ArgumentParser
import FilingsKit
import FilingsModel
import Foundation

struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Ingest EDGAR's quarterly master indexes; an interrupted run resumes at the first unfinished quarter.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "First quarter (YYYYQn, e.g. 2004Q3).") var from: Quarter
    @Option(help: "Last quarter (YYYYQn; default: the current one).") var to: Quarter?
    @Option(help: "Rows to keep: 8-K (the 8-K family) or all.") var forms: IndexForms = .currentReports

    func validate() throws {
        if let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func run() async throws {
        let lock = try global.writerLock()
        defer { lock.release() }
        let bar = ProgressBar(enabled: isatty(2) == 1)
        let report = await Backfill(context: try global.context()).run(from: from, to: to, forms: forms) { bar.draw($0) }
        bar.finish()
        var summary = "backfill: \(report.stored.count) quarters stored (\(report.rowsKept) rows kept, \(report.recordsStored) new), \(report.skipped.count) already done"
        if !report.missing.isEmpty { summary += ", no index for \(report.missing.joined(separator: " "))" }
        if report.malformedRows > 0 { summary += ", \(report.malformedRows) malformed rows skipped" }
        Terminal.log(summary)
        if let failure = report.failure {
            let reason = failure.hasSuffix(".") ? String(failure.dropLast()) : failure
            Terminal.log("error: \(reason); run the same command again to resume there")
            throw ExitCode.failure
        }
    }
}

extension Quarter: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension IndexForms: ExpressibleByArgument {}
