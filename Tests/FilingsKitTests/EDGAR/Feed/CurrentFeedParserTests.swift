import Foundation
import Testing
import FilingsModel

@testable import FilingsKit
@testable import FilingsTestSupport

@Suite struct CurrentFeedParserTests {
    @Test func readsEntriesOfOurPage() throws {
        let page = try CurrentFeedParser.parse(
            FeedPages.page([FeedPages.metaLayoff] + FeedPages.fillers(2) + [FeedPages.Entry(name: "AT&T INC. (Holdings)", cik: 732717, accession: "0000732717-25-000077", updated: "2025-11-18T09:00:00-05:00")]))
        #expect(page.entries.count == 4)
        #expect(page.skipped.isEmpty)
        let meta = try #require(page.entries.first)
        #expect(meta.accession == "0001628280-25-061001")
        #expect(meta.cik == 1_326_801)
        #expect(meta.companyName == "Meta Platforms, Inc.")
        #expect(meta.form == "8-K" && meta.role == "Filer")
        #expect(meta.filingDate == "2025-11-18")
        #expect(meta.updated == Date(timeIntervalSince1970: 1_763_500_502))  // 2025-11-18T21:15:02Z
        #expect(meta.key == "0001628280-25-061001/1326801")
        // A name holding parentheses and an escaped ampersand.
        #expect(page.entries[3].companyName == "AT&T INC. (Holdings)")
        #expect(page.entries[3].cik == 732717)
    }

    @Test func anEntryWithoutAnAccessionIsSkippedAndCounted() throws {
        var text = String(decoding: FeedPages.page([FeedPages.metaLayoff] + FeedPages.fillers(1)), as: UTF8.self)
        text = text.replacingOccurrences(of: "accession-number=0000900000-25-000001", with: "accession-number=")
        text = text.replacingOccurrences(of: "AccNo:&lt;/b&gt; 0000900000-25-000001", with: "AccNo:&lt;/b&gt; ")
        let page = try CurrentFeedParser.parse(Data(text.utf8))
        #expect(page.entries.map(\.accession) == ["0001628280-25-061001"])
        #expect(page.skipped.count == 1)
    }

    @Test func anHTMLPageIsNotAFeed() throws {
        #expect(throws: CurrentFeedError.self) {
            try CurrentFeedParser.parse(Data("<!DOCTYPE html><html><head><title>SEC.gov | File Unavailable</title></head></html>".utf8))
        }
        #expect(throws: CurrentFeedError.self) { try CurrentFeedParser.parse(Data()) }
    }

    @Test func hoursAndSchedule() throws {
        let tuesdayAfternoon = try #require(CurrentFeedParser.date("2025-11-18T16:20:00-05:00"))
        let tuesdayNight = try #require(CurrentFeedParser.date("2025-11-18T23:00:00-05:00"))
        let saturday = try #require(CurrentFeedParser.date("2025-11-22T12:00:00-05:00"))
        let early = try #require(CurrentFeedParser.date("2025-11-19T05:58:00-05:00"))
        #expect(EDGARHours.isOpen(tuesdayAfternoon))
        #expect(!EDGARHours.isOpen(tuesdayNight) && !EDGARHours.isOpen(saturday))
        let hours = EDGARHours(interval: 60)
        #expect(hours.delay(after: tuesdayAfternoon) == 60)
        #expect(hours.delay(after: tuesdayNight) == 600)
        #expect(hours.delay(after: saturday) == 600)
        #expect(hours.delay(after: early) == 120)  // not past the opening by more than an interval
        // Stale: over an hour without a new entry, counted from 06:00 at the earliest.
        #expect(EDGARHours.isStale(newest: tuesdayAfternoon.addingTimeInterval(-3700), at: tuesdayAfternoon))
        #expect(!EDGARHours.isStale(newest: tuesdayAfternoon.addingTimeInterval(-600), at: tuesdayAfternoon))
        #expect(!EDGARHours.isStale(newest: tuesdayNight.addingTimeInterval(-7200), at: tuesdayNight))
        let sixThirty = try #require(CurrentFeedParser.date("2025-11-19T06:30:00-05:00"))
        #expect(!EDGARHours.isStale(newest: tuesdayNight, at: sixThirty))
    }
}

@Suite(.tags(.corpus)) struct CurrentFeedCorpusTests {
    @Test func readsEveryRealPage() throws {
        let pages = SharedData.files(under: "edgar/feeds/getcurrent").filter { $0.lastPathComponent.hasSuffix(".atom.xml") }
        for url in pages {
            let page = try CurrentFeedParser.parse(try Data(contentsOf: url), url: url.lastPathComponent)
            #expect(page.entries.count == 100, "\(url.lastPathComponent)")
            #expect(page.skipped.isEmpty, "\(url.lastPathComponent): \(page.skipped.prefix(2))")
            #expect(page.updated != nil)
            #expect(page.entries.allSatisfy { CurrentFeedParser.validAccession($0.accession) != nil && $0.cik > 0 && !$0.form.isEmpty })
            #expect(page.entries.allSatisfy { !$0.companyName.isEmpty && $0.filingDate.hasPrefix("2025-12-") })
            // Newest first.
            #expect(zip(page.entries, page.entries.dropFirst()).allSatisfy { $0.updated >= $1.updated }, "\(url.lastPathComponent)")
        }
        if let first = pages.first(where: { $0.lastPathComponent == "all_count100_start0000.atom.xml" }) {
            let page = try CurrentFeedParser.parse(try Data(contentsOf: first))
            let top = try #require(page.entries.first)
            #expect(top.accession == "0002063236-25-000004" && top.cik == 2_063_236 && top.role == "Reporting" && top.form == "4")
            #expect(page.entries[1].companyName == "Hinge Health, Inc." && page.entries[1].role == "Issuer")
        }
        // The HTML page that ends the feed is not a feed.
        for url in SharedData.files(under: "edgar/feeds/getcurrent").filter({ $0.lastPathComponent.hasSuffix(".html") }) {
            #expect(throws: CurrentFeedError.self) { try CurrentFeedParser.parse(try Data(contentsOf: url)) }
        }
    }
}

@Suite("EDGAR's holidays")
struct EDGARHolidayTests {
    @Test("federal holidays as observed, from OPM's calendars", arguments: [
        ("2026-01-01", true), ("2026-01-19", true), ("2026-02-16", true), ("2026-05-25", true), ("2026-06-19", true),
        ("2026-07-03", true), ("2026-07-04", false), ("2026-09-07", true), ("2026-10-12", true), ("2026-11-11", true),
        ("2026-11-26", true), ("2026-12-25", true), ("2027-12-31", true), ("2027-06-18", true), ("2020-06-19", false),
        ("2026-11-27", false), ("2026-05-18", false),
    ])
    func holidays(day: String, holiday: Bool) throws {
        #expect(try #require(Day(day)).isFederalHoliday == holiday)
    }

    @Test func theFeedIsPolledSlowlyOnThanksgivingAndAtOnceTheMorningAfter() throws {
        let hours = EDGARHours(interval: 60)
        let thanksgivingNoon = try #require(ISO8601DateFormatter().date(from: "2026-11-26T17:00:00Z"))
        #expect(!EDGARHours.isOpen(thanksgivingNoon))
        #expect(hours.delay(after: thanksgivingNoon) == 600)
        #expect(!EDGARHours.isStale(newest: nil, at: thanksgivingNoon))
        let fridayEarly = try #require(ISO8601DateFormatter().date(from: "2026-11-27T10:58:00Z"))  // 05:58 Eastern
        #expect(hours.delay(after: fridayEarly) == 120)
    }
}
