import ArgumentParser
import FilingsKit
import FilingsModel

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Ingest local files; their type is read from their content.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "EDGAR indexes, submissions JSON, ticker maps, state WARN files, peers' WARN datasets, CA WARN workbooks or PDFs, ERM CSV.") var paths: [String]
    @Option(help: "Index rows to keep: 8-K (the 8-K family) or all.") var forms: IndexForms = .currentReports
    @Option(help: "The state source of a WARN file whose content cannot tell its state (e.g. wa-warn).") var source: String?

    func run() async throws {
        let lock = try global.writerLock()
        defer { lock.release() }
        // The first file's rows are read while the store opens.
        let readAhead = paths.first.flatMap { Importer.readAhead($0, forms: forms) }
        let importer = Importer(context: try global.context())
        var failed = false
        for (index, path) in paths.enumerated() {
            do {
                let outcome = try await importer.importFile(at: path, forms: forms, source: source.map(Source.init(rawValue:)), readAhead: index == 0 ? readAhead : nil)
                Terminal.log("\(path): \(outcome.kind), \(outcome.rowsRead) rows read, \(outcome.recordsStored) stored, \(outcome.malformedRows) malformed skipped, \(outcome.eventsRaised) events")
                if let note = outcome.note { Terminal.log("\(path): \(note)") }
            } catch {
                Terminal.log("error: \(error.localizedDescription)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
