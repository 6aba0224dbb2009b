import FilingsModel
import Foundation

/// The feed definitions read from a `Feeds/` directory.
public struct FeedCatalog: Sendable {
    public var directory: String
    public var feeds: [FeedDefinition]

    /// Reads every `*.json` file of `directory`, sorted by name.
    public init(directory: String) throws {
        self.directory = directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw FeedError.noFeeds(directory: directory)
        }
        guard !names.isEmpty else { throw FeedError.noFeeds(directory: directory) }
        feeds = try names.map { name in
            let path = directory + "/" + name
            let feed: FeedDefinition
            do {
                feed = try JSONDecoder().decode(FeedDefinition.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw FeedError.unreadable(path: path, reason: "\(error)")
            }
            // One spelling: the file's name is the feed's id (and, but for EDGAR's, the `source` of its records).
            guard name == feed.id + ".json" else { throw FeedError.misnamed(path: path, id: feed.id) }
            return feed
        }
    }

    /// The first feed read by `kind`'s reader, if any.
    public func feed(kind: FeedKind) -> FeedDefinition? {
        feeds.first { $0.kind == kind }
    }

    /// The feed that brings `source`'s records, if any.
    public func feed(for source: Source) -> FeedDefinition? {
        feeds.first { $0.source == source }
    }

    /// The feed whose id is `id`, or an error listing the known ones.
    public func feed(id: String) throws -> FeedDefinition {
        guard let feed = feeds.first(where: { $0.id == id }) else {
            throw FeedError.unknownFeed(id, known: feeds.map(\.id))
        }
        return feed
    }

    /// The default `Feeds/` directory of the running executable (see `defaultDirectory(executablePath:)`).
    public static func defaultDirectory() -> String? {
        defaultDirectory(executablePath: runningExecutablePath())
    }

    /// The running executable's path. On Linux it is read from `/proc/self/exe`: `Bundle.main` lists
    /// the executable's whole directory first, which took 25 ms of every command in a directory of 30,000 files.
    static func runningExecutablePath() -> String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #else
        if let path = Bundle.main.executablePath { return path }
        #endif
        return CommandLine.arguments.first ?? ""
    }

    /// The default `Feeds/` directory: beside the executable, in `../share/filings/Feeds`, or in the package the binary was built in.
    public static func defaultDirectory(executablePath: String) -> String? {
        var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let fm = FileManager.default
        for _ in 0..<6 {
            for candidate in ["Feeds", "share/filings/Feeds"] {
                let path = dir.appendingPathComponent(candidate).path
                if fm.fileExists(atPath: path + "/sec-edgar.json") { return path }
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
