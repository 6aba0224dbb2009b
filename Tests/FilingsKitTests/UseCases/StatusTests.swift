import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

@Suite struct StatusTests {
    /// The ledger of a week: EDGAR's days (a weekend settled without an index, a day failing now),
    /// a company's filing list (which speaks for that company alone), a WARN report, nothing of ERM.
    @Test func eachFeedSaysWhenItLastWorkedWhatItCoversAndWhatFails() throws {
        let store = try Store(path: try temporaryDirectory().appendingPathComponent("f.sqlite").path)
        let clock = TestClock("2025-11-26T12:00:00Z")
        let at = { (iso: String) in ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0) }
        for (day, status, fetched) in [
            ("2025-11-20", LedgerEntry.Status.ok, "2025-11-21T03:00:00Z"), ("2025-11-21", .ok, "2025-11-22T03:00:00Z"),
            ("2025-11-22", .missing, "2025-11-24T03:00:00Z"), ("2025-11-23", .missing, "2025-11-24T03:00:00Z"),
            ("2025-11-24", .ok, "2025-11-25T03:00:00Z"), ("2025-11-25", .failed, "2025-11-26T03:00:00Z"),
        ] {
            try store.record(
                LedgerEntry(
                    feed: "sec-edgar", unit: .isoDay(day), status: status, url: "u", fetchedAt: at(fetched), rows: status == .ok ? 10 : 0,
                    detail: status == .failed ? "HTTP 503 after retries" : nil))
        }
        try store.record(
            LedgerEntry(
                feed: "sec-edgar", unit: .submissions(cik: 1326801), status: .ok, url: "s", fetchedAt: at("2025-11-25T04:00:00Z"), rows: 5,
                coversFrom: "1994-01-01", coversUntil: "2025-11-25"))
        try store.record(
            LedgerEntry(
                feed: "ca-warn", unit: .file("https://edd.ca.gov/WARN.xlsx"), status: .ok, url: "w", fetchedAt: at("2025-11-25T05:00:00Z"),
                rows: 370, coversFrom: "2025-07-01", coversUntil: "2025-10-03"))
        let reporter = StatusReporter(context: try .offline(store, now: clock.now))
        let statuses = Dictionary(uniqueKeysWithValues: try reporter.statuses().map { ($0.feed, $0) })

        let edgar = try #require(statuses["sec-edgar"])
        #expect(edgar.lastSuccess == at("2025-11-25T04:00:00Z"))
        #expect(edgar.lastAttempt == at("2025-11-26T03:00:00Z"))
        #expect(edgar.unitsOK == 4 && edgar.unitsMissing == 2 && edgar.rows == 35)
        // The weekend joins the days around it; the company's list from 1994 does not stretch the feed.
        #expect(edgar.covered == ["2025-11-20..2025-11-24"])
        #expect(edgar.failing.map(\.unit) == ["2025-11-25"])
        #expect(edgar.failing.first?.detail == "HTTP 503 after retries")

        #expect(statuses["ca-warn"]?.covered == ["2025-07-01..2025-10-03"])
        #expect(statuses["ca-warn"]?.failing.isEmpty == true)
        #expect(statuses["eu-erm"]?.lastSuccess == nil)

        let text = StatusSummary.text(try reporter.statuses(), secBanUntil: nil)
        #expect(text.contains("sec-edgar (SEC EDGAR Form 8-K filings): 1 failing"))
        #expect(text.contains("  failing: 2025-11-25 (last tried 2025-11-26T03:00:00Z): HTTP 503 after retries"))
        #expect(text.contains("eu-erm (Eurofound European Restructuring Monitor): never synced"))
        #expect(reporter.secBanUntil() == nil)
        store.banRecord().save(at("2025-11-26T12:10:00Z"))
        #expect(reporter.secBanUntil() == at("2025-11-26T12:10:00Z"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(StatusSummary.json(try reporter.statuses(), secBanUntil: reporter.secBanUntil()).utf8))
                as? [String: Any])
        #expect(json["secBanUntil"] as? String == "2025-11-26T12:10:00Z")
        let listed = (json["sources"] as? [[String: Any]])?.compactMap { $0["source"] as? String } ?? []
        #expect(listed.filter { !$0.hasSuffix("-warn") || $0 == "ca-warn" } == ["ca-warn", "eu-erm", "sec-8k"])
        #expect(listed.contains("wa-warn") && listed.contains("wy-warn"))
    }
}
