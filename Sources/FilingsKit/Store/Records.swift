import GRDB

// Table names are spelt out: GRDB would otherwise derive each from the type's name at run time, on every use.

extension Company: FetchableRecord, PersistableRecord, TimestampedRecord {
    public static let databaseTableName = "company"
}
/// Read through `Store.filingColumns`; written by the store's own statements, as a row keeps its source apart.
extension Filing: FetchableRecord {
    public static let databaseTableName = "filing"
}
extension Watch: FetchableRecord, PersistableRecord, TimestampedRecord {
    public static let databaseTableName = "watch"
}
extension LedgerEntry: FetchableRecord, PersistableRecord, TimestampedRecord {
    public static let databaseTableName = "ledgerEntry"
}

extension Event: FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "event"

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
