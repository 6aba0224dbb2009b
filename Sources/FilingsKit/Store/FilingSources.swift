import FilingsModel
import Foundation
import GRDB

/// The `filingSource` rows one write uses: where its filings were read from and when, each stored
/// once and then found here rather than looked up per filing.
struct FilingSources {
    private struct Key: Hashable {
        var source: String
        var fetchedAt: Date
        var urlTemplate: String?
    }

    private var ids: [Key: Int64] = [:]

    /// The source `filing` names (its `source` and `fetchedAt`); the filing keeps its own URL.
    mutating func id(of filing: Filing, _ db: Database) throws -> Int64 {
        try id(source: filing.source, fetchedAt: filing.fetchedAt, urlTemplate: nil, db)
    }

    /// A source's id, added when new. `urlTemplate` is set for loads whose rows store no URL of their own.
    mutating func id(source: String, fetchedAt: Date, urlTemplate: String?, _ db: Database) throws -> Int64 {
        let key = Key(source: source, fetchedAt: fetchedAt, urlTemplate: urlTemplate)
        if let id = ids[key] { return id }
        let arguments: StatementArguments = [source, DatabaseTimestamp.text(fetchedAt), urlTemplate]
        let id: Int64
        if let stored = try Int64.fetchOne(
            db, sql: "SELECT id FROM filingSource WHERE source = ? AND fetchedAt = ? AND urlTemplate IS ?", arguments: arguments)
        {
            id = stored
        } else {
            try db.execute(sql: "INSERT INTO filingSource (source, fetchedAt, urlTemplate) VALUES (?, ?, ?)", arguments: arguments)
            id = db.lastInsertedRowID
        }
        ids[key] = id
        return id
    }
}
