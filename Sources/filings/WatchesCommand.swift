import ArgumentParser
import FilingsKit

struct WatchesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watches", abstract: "List watched companies.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON only.") var json = false

    func run() async throws {
        let store = try global.context().store
        let watches = try store.watches()
        let companies = try store.companies(ciks: watches.map(\.cik))
        Terminal.print(json ? try Listing.json(watches.map { WatchJSON($0, company: companies[$0.cik]) }) : Listing.text(watches: watches, companies: companies))
    }
}
