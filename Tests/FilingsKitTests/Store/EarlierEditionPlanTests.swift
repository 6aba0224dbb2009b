import Foundation
import GRDB
import Testing

@testable import FilingsKit
@testable import FilingsTestSupport

/// Storing a state's file looks up each row as an earlier edition; that lookup must not scan the
/// state's rows, or a first load grows with the square of a state's history.
@Suite struct EarlierEditionPlanTests {
    @Test("the earlier-edition lookup of a state without notice dates searches by source and company")
    func earlierEditionUsesTheCompanyIndex() throws {
        let store = try FaultBench.freshStore()
        let plan = try store.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT * FROM warnNotice WHERE source = ? AND normalizedCompany = ? AND noticeDate IS NULL",
                arguments: ["ga-warn", "ACME"]
            ).map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
        }
        #expect(plan.contains("USING INDEX warnNotice_source_company_noticeDate (source=? AND normalizedCompany=?"), "\(plan)")
    }
}
