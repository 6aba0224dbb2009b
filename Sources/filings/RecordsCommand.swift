import ArgumentParser
import FilingsKit

struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records", abstract: "List stored source records (8-Ks, WARN notices, ERM events), watched or not.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this source: sec-8k, ca-warn, eu-erm.") var source: SourceKind?
    @Option(help: "Only this company (name, ticker or CIK).") var company: String?
    @Option(help: "First day (YYYY-MM-DD).") var since: Day?
    @Option(help: "Last day (YYYY-MM-DD).") var until: Day?
    @Option(help: "At most this many records.") var limit = 1_000
    @Flag(help: "Print JSON only.") var json = false

    func run() async throws {
        let records = try RecordFinder(context: try global.context())
            .records(source: source, company: company, since: since?.iso, until: until?.iso, limit: limit)
        Terminal.print(json ? try Listing.json(records) : Listing.text(records: records))
    }
}
