import ArgumentParser
import FilingsKit
import Foundation

struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Ingest EDGAR's quarterly master indexes; an interrupted run resumes at the first unfinished quarter.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "First quarter (YYYYQn, e.g. 2004Q3).") var from: BackfillQuarter
    @Option(help: "Last quarter (YYYYQn; default: the current one).") var to: BackfillQuarter?
    @Option(help: "Rows to keep: 8-K (the 8-K family) or all.") var forms: BackfillForms = .currentReports

    func validate() throws {
        if let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func run() async throws {
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

/// A one-line progress bar on stderr, redrawn only when what it shows changes.
private final class ProgressBar {
    private let enabled: Bool
    private var last = ""

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func draw(_ progress: BackfillProgress) {
        guard enabled else { return }
        let width = 30
        let filled = Int(progress.fraction * Double(width))
        let line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(Int(progress.fraction * 100))% \(progress.quarter) (\(progress.position)/\(progress.count))"
        guard line != last else { return }
        last = line
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled && !last.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension BackfillQuarter: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension BackfillForms: ExpressibleByArgument {}
