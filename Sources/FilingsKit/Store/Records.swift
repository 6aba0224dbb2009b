import GRDB

extension Company: FetchableRecord, PersistableRecord {}
/// Read through `Store.filingColumns`; written by the store's own statements, as a row keeps its source apart.
extension Filing: FetchableRecord {}
extension Watch: FetchableRecord, PersistableRecord {}
extension LedgerEntry: FetchableRecord, PersistableRecord {}

extension Event: FetchableRecord, MutablePersistableRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One of the names a company is known by, as stored for lookups.
struct CompanyNameRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "companyName"
    var cik: Int64
    var name: String
    var normalized: String
    var kind: String
    var from: String?
    var to: String?
}
