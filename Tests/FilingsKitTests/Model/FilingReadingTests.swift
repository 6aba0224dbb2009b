import Testing
@testable import FilingsKit
@testable import FilingsModel

/// Which 8-Ks are worth fetching and reading, modern and legacy.
@Suite struct FilingReadingTests {
    func filing(_ date: String, _ items: [String]?, form: String = "8-K") -> Filing {
        Filing(accession: "0000000001-01-000001", cik: 1, companyName: "Acme", form: form, filingDate: date, items: items, url: "u", source: "t")
    }

    @Test func modernItemsThatMayHideALayoffOrADepartureAreRead() {
        #expect(filing("2023-03-01", ["5.02", "9.01"]).needsReading)
        #expect(filing("2023-03-01", ["7.01"]).needsReading)
        #expect(!filing("2023-03-01", ["2.02", "9.01"]).needsReading)
        #expect(!filing("2023-03-01", nil).needsReading)
        #expect(!filing("2023-03-01", ["5.02"], form: "10-K").needsReading)
    }

    @Test func legacyItems5_6And9AreReadBeforeTheModernList() {
        // EDGAR's submissions list gives a 2001 8-K's items as bare numbers.
        #expect(filing("2001-04-17", ["5", "7"]).needsReading)
        #expect(filing("2003-10-15", ["9"]).needsReading)
        #expect(filing("1999-06-01", ["6"]).needsReading)
        #expect(!filing("2004-07-14", ["12", "7"]).needsReading)
        // After 2004-08-23 a bare "5" is not a legacy item (and EDGAR never writes one).
        #expect(!filing("2005-01-10", ["5"]).needsReading)
        // The model keeps its own copy of the date the item list changed; it must be the text reader's.
        #expect(Filing.modernItemsStart == EightKItems.modernListStart)
    }
}
