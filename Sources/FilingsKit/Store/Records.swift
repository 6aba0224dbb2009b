import GRDB

extension Company: FetchableRecord, PersistableRecord {}
extension Filing: FetchableRecord, PersistableRecord {}
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
