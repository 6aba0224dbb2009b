import ArgumentParser
import FilingsFormats
import FilingsKit

struct UnwatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unwatch", abstract: "Stop watching a company (its stored filings and events stay).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Name, ticker, alias or CIK of a watched company.") var name: String

    func run() async throws {
        let lock = try global.writerLock()
        defer { lock.release() }
        let watch = try Watcher(context: try global.context()).unwatch(name)
        Terminal.print("no longer watching \(TextSanitizer.singleLine(watch.name)) (CIK \(watch.cik))\n")
    }
}
