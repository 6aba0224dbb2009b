import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// Eurofound's export watched as the WARN files are: a repeated failure is a standing gap, an export
/// emptied by a bot wall is suspect (nothing removed, its body kept aside), and `status` lists it.
@Suite(.serialized) struct ERMHealthTests {
    @Test func anEmptiedExportIsSuspectAndARepeatedFailureIsAStandingGap() async throws {
        try await LoopbackServer.serving { server in
            let clock = TestClock("2025-10-10T12:00:00Z")
            let mirror = try await EDGARMirror.start(on: server)
            try await NoticeMirror.start(on: mirror)
            let context = try mirror.context(now: clock.now)
            let feed = try context.feeds.feed(id: "eu-erm")
            let first = await ERMSync(context: context, feed: feed).run()
            #expect(first.failures == [] && first.recordsStored == 3)

            // A header alone, where the store holds Metallwerk's closure of 2025-10-09 for the days asked.
            let header = String(NoticeMirror.export.prefix { $0 != "\n" }) + "\n"
            await server.route(NoticeMirror.exportPath, .ok(header, headers: ["Content-Type": "text/csv"]))
            clock.advance(by: 86_400)
            let emptied = await ERMSync(context: context, feed: feed).run()
            #expect(emptied.failures.count == 1)
            #expect(emptied.failures.first?.contains("suspect: the export lists no event where 1 are stored") == true, "\(emptied.failures)")
            #expect(try context.store.ermEvents().count == 3)
            let aside = SuspectFile(context: context, feed: "eu-erm").asidePath(for: server.url(NoticeMirror.exportPath).absoluteString)
            #expect(try Data(contentsOf: aside) == Data(header.utf8))
            var status = try StatusReporter(context: context).status(feed)
            #expect(status.failing.count == 1 && status.failing.first?.suspect == true)
            #expect(status.rows == 3, "the first read's rows still count")

            clock.advance(by: 86_400)
            let again = await ERMSync(context: context, feed: feed).run()
            #expect(again.failures == [] && again.standing.count == 1, "\(again)")

            await server.route(NoticeMirror.exportPath, .status(404))
            clock.advance(by: 86_400)
            let gone = await ERMSync(context: context, feed: feed).run()
            #expect(gone.failures.count == 1 && gone.failures.first?.contains("update Feeds/eu-erm.json") == true, "\(gone)")
            clock.advance(by: 86_400)
            let stillGone = await ERMSync(context: context, feed: feed).run()
            #expect(stillGone.failures == [] && stillGone.standing.count == 1, "\(stillGone)")

            await server.route(NoticeMirror.exportPath, .ok(NoticeMirror.export, headers: ["Content-Type": "text/csv"]))
            clock.advance(by: 86_400)
            let healed = await ERMSync(context: context, feed: feed).run()
            #expect(healed.failures == [] && healed.healed.count == 1, "\(healed)")
            status = try StatusReporter(context: context).status(feed)
            #expect(status.failing.isEmpty, "\(status.failing)")
            #expect(try StatusReporter(context: context).statuses().contains { $0.feed == "eu-erm" })
        }
    }
}
