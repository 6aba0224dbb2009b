import ArgumentParser
import FilingsKit
import FilingsModel

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: "List stored events, newest first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A watched company (name, ticker, alias or CIK); all when omitted.") var name: String?
    @Option(help: "First day (YYYY-MM-DD).") var since: Day?
    @Option(help: "Last day (YYYY-MM-DD).") var until: Day?
    @Option(name: .customLong("kind"), help: "Only this kind (repeatable).") var kinds: [EventKind] = []
    @Flag(help: "Print JSON only.") var json = false

    func run() async throws {
        let context = try global.context()
        let cik = try name.map { try CompanyLookup(context: context).stored($0).cik }
        let events = try context.store.events(EventQuery(cik: cik, since: since?.iso, until: until?.iso, kinds: kinds))
        Terminal.print(json ? try Listing.json(events.map(EventJSON.init)) : Listing.text(events: events))
    }
}
