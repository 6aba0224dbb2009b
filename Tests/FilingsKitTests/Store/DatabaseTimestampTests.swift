import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// Our date text against GRDB's own, which stores and compares the same columns.
@Suite struct DatabaseTimestampTests {
    @Test func writesWhatGRDBWritesForAnyDate() {
        var random = SeededGenerator(seed: 11)
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005), Date(timeIntervalSince1970: 0.9995),
            Date(timeIntervalSince1970: 951_782_400.999_9), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 1_795_788_747.422_400_039),
            Date(timeIntervalSince1970: 253_402_300_799.999), Date(timeIntervalSince1970: -11_676_096_000), Date(timeIntervalSince1970: -30_610_224_000),
        ]
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -12_000_000_000..<253_402_300_800, using: &random)))
            dates.append(Date(timeIntervalSince1970: Double.random(in: 1_500_000_000..<2_000_000_000, using: &random)))
        }
        for date in dates {
            #expect(DatabaseTimestamp.text(date) == String.fromDatabaseValue(date.databaseValue), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func everyRecordWithADateStoresItThatWay() throws {
        func isOurs(_ strategy: DatabaseDateEncodingStrategy) -> Bool {
            if case .custom = strategy { true } else { false }
        }
        #expect(isOurs(LedgerEntry.databaseDateEncodingStrategy(for: "fetchedAt")))
        #expect(isOurs(Company.databaseDateEncodingStrategy(for: "updatedAt")))
        #expect(isOurs(Watch.databaseDateEncodingStrategy(for: "createdAt")))
        #expect(isOurs(Event.databaseDateEncodingStrategy(for: "createdAt")))
        #expect(isOurs(FilingDocument.databaseDateEncodingStrategy(for: "fetchedAt")))

        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.create(table: "ledgerEntry") { t in
                for column in ["feed", "unit", "status", "url", "fetchedAt", "etag", "lastModified", "rows", "detail", "coversFrom", "coversUntil", "forms"] {
                    t.column(column)
                }
            }
            let fetchedAt = Date(timeIntervalSince1970: 1_795_788_747.4229)
            try LedgerEntry(feed: "sec-edgar", unit: .file("u"), status: .ok, url: "x", fetchedAt: fetchedAt, rows: 1).insert(db)
            #expect(try String.fetchOne(db, sql: "SELECT fetchedAt FROM ledgerEntry") == "2026-11-27 14:12:27.423")
        }
    }
}
