import ArgumentParser
import FilingsKit
import FilingsModel

struct RecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records", abstract: "List stored source records (8-Ks, WARN notices, ERM events), watched or not.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this source: sec-8k, ca-warn, eu-erm (a feed's source).") var source: Source?
    @Option(help: "Only this company (name, ticker or CIK).") var company: String?
    @Option(help: "First day (YYYY-MM-DD).") var since: Day?
    @Option(help: "Last day (YYYY-MM-DD).") var until: Day?
    @Option(help: "At most this many records.") var limit = 1_000
    @Flag(help: "Print JSON only.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let context = try global.context()
        if let source, !context.feeds.feeds.contains(where: { $0.source == source }) {
            let known = context.feeds.feeds.map(\.source.rawValue).sorted().joined(separator: ", ")
            throw ValidationError("no source named \(source); known sources: \(known)")
        }
        let page = try RecordFinder(context: context)
            .records(source: source, company: company, since: since?.iso, until: until?.iso, limit: limit)
        Terminal.print(json ? try Listing.json(page.records) : Listing.text(records: page.records))
        if page.omitted > 0 {
            Terminal.log("\(page.records.count) records shown, \(page.omitted) more match; raise --limit (e.g. --limit \(page.records.count + page.omitted)) or narrow --since/--until to see them")
        }
    }
}
