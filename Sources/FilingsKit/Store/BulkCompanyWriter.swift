import Foundation
import GRDB
import GRDBSQLite

extension Store {
    /// Notes the filers of a bulk load's 8-Ks as companies, inside the write transaction its caller holds.
    ///
    /// Same effect as `Store.noteCompany` for each: a company not yet known is added with the name
    /// given, and that name, normalized, for lookups; a known company is left as it is.
    ///
    /// Filers are kept until `finish`, then stored in CIK order, `rowsPerStatement` to a statement:
    /// one query tells which of a batch are known (none is, in a store without companies: a first
    /// import or backfill asks nothing), one INSERT adds the others and one their names.
    /// A statement per filer cost more than storing all of a quarter's 8-Ks; CIK order halves the
    /// insert; asking first is cheaper than `RETURNING`. The caller adds the new names to the word
    /// index afterwards, in one statement: FTS5 writes out its pending terms at every statement.
    final class BulkCompanyWriter {
        /// Filers per statement.
        static let rowsPerStatement = 64

        private struct Filer {
            var cik: Int64
            /// Where its name lies in `nameBytes`.
            var name: Range<Int>
        }

        private let db: Database
        private let source: String
        private let updatedAt: String
        private var filers: [Filer] = []
        /// The filers' names, UTF-8, end to end.
        private var nameBytes: [UInt8] = []
        private var normalizedNames: [UInt8] = []
        private var selectKnown: RawStatementsByRows
        private var insertCompanies: RawStatementsByRows
        private var insertNames: RawStatementsByRows

        /// A writer whose companies say they came from `source`, noted now.
        init(_ db: Database, source: String) {
            self.db = db
            self.source = source
            updatedAt = DatabaseTimestamp.text(Date())
            selectKnown = RawStatementsByRows(db) { rows in
                "SELECT cik FROM company WHERE cik IN (\(Array(repeating: "?", count: rows).joined(separator: ", ")))"
            }
            insertCompanies = RawStatementsByRows(db) { rows in
                // ?1 and ?2 are shared by every row; row i's CIK and name are ?(3 + 2i) and ?(4 + 2i).
                let values = (0..<rows).map { "(?\(3 + 2 * $0), ?\(4 + 2 * $0), '[]', '[]', '[]', ?1, ?2)" }.joined(separator: ", ")
                return "INSERT INTO company (cik, name, tickers, exchanges, formerNames, source, updatedAt) VALUES \(values)"
            }
            // A company new to the store has no name rows but the user's aliases, a kind of their own: nothing to replace.
            insertNames = RawStatementsByRows(db) { rows in
                let values = Array(repeating: "(?, ?, ?, 'current')", count: rows).joined(separator: ", ")
                return "INSERT OR IGNORE INTO companyName (cik, name, normalized, kind) VALUES \(values)"
            }
        }

        /// Queues a filer not queued before; `name` is UTF-8 and need only live for the call.
        func note(cik: Int64, name: UnsafeBufferPointer<UInt8>) {
            let start = nameBytes.count
            nameBytes.append(contentsOf: name)
            filers.append(Filer(cik: cik, name: start..<nameBytes.count))
        }

        /// Stores the filers queued; the load calls it once, after the last.
        func finish() throws {
            filers.sort { $0.cik < $1.cik }
            var storeHasCompanies = false
            try RawStatement(db, sql: "SELECT 1 FROM company LIMIT 1").run { _ in storeHasCompanies = true }
            try nameBytes.withUnsafeBufferPointer { names in
                var start = 0
                while start < filers.count {
                    let end = min(filers.count, start + Self.rowsPerStatement)
                    let batch = filers[start..<end]
                    let known = storeHasCompanies ? try knownCIKs(batch) : []
                    let new = known.isEmpty ? Array(batch) : batch.filter { !known.contains($0.cik) }
                    try addCompanies(new, names)
                    try addNames(new, names)
                    start = end
                }
            }
            filers.removeAll()
            nameBytes.removeAll()
        }

        /// The CIKs of `batch` the store already knows.
        private func knownCIKs(_ batch: ArraySlice<Filer>) throws -> Set<Int64> {
            let select = try selectKnown.statement(rows: batch.count)
            for (index, filer) in zip(Int32(1)..., batch) {
                try select.bind(index, filer.cik)
            }
            var known = Set<Int64>()
            try select.run { row in known.insert(sqlite3_column_int64(row, 0)) }
            return known
        }

        private func addCompanies(_ new: [Filer], _ names: UnsafeBufferPointer<UInt8>) throws {
            guard !new.isEmpty else { return }
            let insert = try insertCompanies.statement(rows: new.count)
            try insert.bind(1, copying: source)
            try insert.bind(2, copying: updatedAt)
            for (index, filer) in zip(Int32(0)..., new) {
                try insert.bind(3 + 2 * index, filer.cik)
                try insert.bind(4 + 2 * index, bytes: UnsafeBufferPointer(rebasing: names[filer.name]))
            }
            try insert.run()
        }

        /// Names the new companies for lookups, each under its normalized name (none when that is empty).
        private func addNames(_ new: [Filer], _ names: UnsafeBufferPointer<UInt8>) throws {
            normalizedNames.removeAll(keepingCapacity: true)
            var named: [(filer: Filer, normalized: Range<Int>)] = []
            for filer in new {
                let start = normalizedNames.count
                CompanyName.normalize(UnsafeBufferPointer(rebasing: names[filer.name]), appendingTo: &normalizedNames)
                if normalizedNames.count > start { named.append((filer, start..<normalizedNames.count)) }
            }
            guard !named.isEmpty else { return }
            let insert = try insertNames.statement(rows: named.count)
            try normalizedNames.withUnsafeBufferPointer { normalized in
                for (index, row) in zip(Int32(0)..., named) {
                    try insert.bind(3 * index + 1, row.filer.cik)
                    try insert.bind(3 * index + 2, bytes: UnsafeBufferPointer(rebasing: names[row.filer.name]))
                    try insert.bind(3 * index + 3, bytes: UnsafeBufferPointer(rebasing: normalized[row.normalized]))
                }
                try insert.run()
            }
        }
    }
}
