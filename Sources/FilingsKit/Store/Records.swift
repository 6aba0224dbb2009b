import FilingsModel
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
/// A unit is stored as its text (`day/2025-11-17`), not as JSON.
extension LedgerUnit: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { stored.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LedgerUnit? {
        String.fromDatabaseValue(dbValue).map { LedgerUnit(stored: $0) ?? .file($0) }
    }
}
/// Stored as its raw value, `8-K` or `all`.
extension IndexForms: DatabaseValueConvertible {}

extension Event: FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "event"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One of the names a company is known by, as stored for lookups.
extension RecordLink: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "recordLink"
}

struct CompanyNameRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "companyName"
    var cik: Int64
    var name: String
    var normalized: String
    var kind: String
    var from: String?
    var to: String?
}
