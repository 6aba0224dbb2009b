import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite(.serialized) struct WatcherTests {
    /// A history page EDGAR lists but does not serve: the summary says from which day the history
    /// holds, not only how many filings.
    @Test func aHistoryEDGARServesInPartIsSaidSo() async throws {
        try await LoopbackServer.serving { server in
            let mirror = try await EDGARMirror.start(on: server)
            let whole = try await Watcher(context: try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now)).watch("Meta")
            #expect(whole.historyIncompleteBefore == nil)
            #expect(!WatchSummary.text(whole).contains("did not serve"))

            await server.route("/submissions/CIK0001326801-submissions-001.json", .status(404))
            let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
            let part = try await Watcher(context: try mirror.context(now: TestClock("2025-11-25T12:00:00Z").now, store: store)).watch("Meta")
            let since = try #require(part.historyIncompleteBefore)
            #expect(since > SubmissionsLoader.firstDay)
            #expect(WatchSummary.text(part).contains("8-K filings in its history since \(since) (EDGAR did not serve the older history pages"))
        }
    }
}
