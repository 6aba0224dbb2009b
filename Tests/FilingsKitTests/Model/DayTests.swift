import Foundation
import Testing

@testable import FilingsKit
@testable import FilingsModel

@Suite struct DayTests {
    @Test func parsesBothEDGARSpellings() throws {
        #expect(Day("2020-01-03")?.iso == "2020-01-03")
        #expect(Day("20200103")?.iso == "2020-01-03")
        #expect(Day("2020-02-30") == nil)
        #expect(Day("2020-1-3") == nil)
        #expect(Day("") == nil)
    }

    @Test func arithmeticCrossesMonthsAndKnowsWeekends() throws {
        let day = try #require(Day("2024-12-30"))
        #expect(day.adding(days: 3).iso == "2025-01-02")
        #expect(day.adding(days: -30).iso == "2024-11-30")
        #expect(Day("2025-11-29")?.isWeekend == true)
        #expect(Day("2025-11-28")?.isWeekend == false)
        #expect(Day("2025-11-28")?.quarter == 4)
        #expect(Day.range(try #require(Day("2025-03-30")), try #require(Day("2025-04-02"))).map(\.iso) == ["2025-03-30", "2025-03-31", "2025-04-01", "2025-04-02"])
    }
}
