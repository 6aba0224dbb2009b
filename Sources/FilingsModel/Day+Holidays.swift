/// The US federal holidays, on which EDGAR neither accepts nor disseminates filings.
extension Day {
    /// Day of the week, 0 for Sunday to 6 for Saturday.
    public var weekday: Int { CivilCalendar.weekday(days: CivilCalendar.days(year: year, month: month, day: day)) }

    /// True on a federal holiday as observed: one falling on a Saturday is kept the Friday before,
    /// one on a Sunday the Monday after (so New Year's Day 2028 closes EDGAR on 2027-12-31).
    public var isFederalHoliday: Bool {
        Day.federalHolidays(observedIn: year).contains(self)
    }

    /// True on a weekday that is no federal holiday: a day EDGAR accepts filings.
    public var isEDGARBusinessDay: Bool { !isWeekend && !isFederalHoliday }

    /// Every federal holiday observed in `year`, by 5 U.S.C. 6103 (Juneteenth from 2021).
    static func federalHolidays(observedIn year: Int) -> Set<Day> {
        func fixed(_ y: Int, _ month: Int, _ day: Int) -> Day? {
            guard let date = Day(year: y, month: month, day: day) else { return nil }
            switch date.weekday {
            case 6: return date.adding(days: -1)
            case 0: return date.adding(days: 1)
            default: return date
            }
        }
        /// The `nth` given weekday of a month (`nth` -1 for the last).
        func nth(_ nth: Int, _ weekday: Int, _ month: Int) -> Day? {
            guard let first = Day(year: year, month: month, day: 1) else { return nil }
            if nth > 0 { return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (nth - 1)) }
            let next = month == 12 ? Day(year: year + 1, month: 1, day: 1) : Day(year: year, month: month + 1, day: 1)
            guard let last = next?.adding(days: -1) else { return nil }
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        var days: [Day?] = [
            fixed(year, 1, 1), nth(3, 1, 1), nth(3, 1, 2), nth(-1, 1, 5), fixed(year, 7, 4), nth(1, 1, 9), nth(2, 1, 10),
            fixed(year, 11, 11), nth(4, 4, 11), fixed(year, 12, 25),
            // Next year's New Year's Day on a Saturday is observed on this year's 31 December.
            fixed(year + 1, 1, 1),
        ]
        if year >= 2021 { days.append(fixed(year, 6, 19)) }
        return Set(days.compactMap { $0 }.filter { $0.year == year })
    }
}
