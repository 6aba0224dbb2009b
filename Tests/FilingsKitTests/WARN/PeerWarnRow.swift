import Foundation
@testable import FilingsFormats
@testable import FilingsKit
@testable import FilingsTestSupport

/// warn-scraper's `ca.csv` (a peer's output over the same EDD files), read for row-by-row comparison.
struct PeerWarnRow: Equatable {
    var noticeDate: String?
    var effectiveDate: String?
    var receivedDate: String?
    var company: String
    var city: String
    var employees: Int?
    var layoffOrClosure: String
    var county: String
    var address: String
    var sourceFile: String

    /// Rows of the peer CSV, or nil when the corpus is absent.
    static func load() throws -> [PeerWarnRow]? {
        guard let url = SharedData.file("warn/ca/warn-scraper-output_2022-02-05/ca.csv") else { return nil }
        guard let table = CSVTable(text: try String(contentsOf: url, encoding: .utf8)) else { return nil }
        func field(_ record: CSVTable.Record, _ name: String) -> String {
            guard let index = table.column(name), record.fields.indices.contains(index) else { return "" }
            return record.fields[index]
        }
        return table.records.map { record in
            PeerWarnRow(
                noticeDate: WarnText.isoDate(field(record, "notice_date")),
                effectiveDate: WarnText.isoDate(field(record, "effective_date")),
                receivedDate: WarnText.isoDate(field(record, "received_date")),
                company: field(record, "company"), city: field(record, "city"),
                employees: WarnText.count(field(record, "num_employees")),
                layoffOrClosure: field(record, "layoff_or_closure"), county: field(record, "county"),
                address: field(record, "address"), sourceFile: field(record, "source_file")
            )
        }
    }
}
