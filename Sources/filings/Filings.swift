import ArgumentParser
import FilingsKit
import FilingsModel

@main
struct Filings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filings",
        abstract: "Watch SEC 8-Ks, US state WARN notices and EU restructuring events for the companies you name.",
        version: FilingsVersion.current,
        subcommands: [
            WatchCommand.self, UnwatchCommand.self, WatchesCommand.self, SyncCommand.self, EventsCommand.self,
            RecordsCommand.self, ImportCommand.self, DigestCommand.self, CheckCommand.self, BackfillCommand.self, StatusCommand.self, FollowCommand.self,
            WhoCommand.self,
        ]
    )
}
