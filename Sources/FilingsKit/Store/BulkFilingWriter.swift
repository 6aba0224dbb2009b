import FilingsFormats
import FilingsModel
import Foundation
import GRDB

extension Store {
    /// Writes index rows into `filing` at bulk speed, inside a write transaction its caller holds.
    ///
    /// Same effect as `insertNewFilings`: rows already stored are left as they are, and each filer of
    /// an 8-K not yet known is noted as a company with its current name. Rows go to SQLite
    /// `rowsPerStatement` at a time in one prepared multi-row INSERT, their bytes copied once from
    /// the index into a reused buffer: a statement per row cost more than the insert itself. Rows of
    /// watched companies go one at a time, as their events need to know which were new.
    final class BulkFilingWriter {
        /// Rows per INSERT: 64 rows of 5 values stay far below SQLite's limit on bound values.
        static let rowsPerStatement = 64

        /// One row waiting for the next INSERT: its CIK and where its text lies in `pendingBytes`.
        private struct PendingRow {
            var cik: Int64
            var accession: Range<Int>
            var date: Range<Int>
            var form: Range<Int>
            var name: Range<Int>
        }

        private let db: Database
        /// The INSERT, by number of rows: `rowsPerStatement`, 1 (a watched row), and the last batch's.
        private var inserts: RawStatementsByRows
        private let companies: BulkCompanyWriter
        private let urlTemplate: FilingURLTemplate
        private let source: String
        private let fetchedAt: Date
        private let watched: Set<Int64>
        private var pending: [PendingRow] = []
        private var pendingBytes: [UInt8] = []
        /// CIKs noted in this run: their company row exists or is queued, so it is not looked up again.
        private var notedCIKs = Set<Int64>()
        private var url: [UInt8] = []
        /// Rows that were new to the store.
        private(set) var inserted = 0
        /// New filings of watched companies, for events.
        private(set) var watchedFilings: [Filing] = []

        /// Prepares the statements on `db`, whose write transaction the caller holds for the writer's life.
        init(_ db: Database, source: String, fetchedAt: Date, urlTemplate: FilingURLTemplate, watched: Set<Int64>) throws {
            self.db = db
            self.source = source
            self.fetchedAt = fetchedAt
            self.urlTemplate = urlTemplate
            self.watched = watched
            var sources = FilingSources()
            // Rows store no URL: this source's template gives it back (`Store.filingColumns`).
            let sourceID = try sources.id(source: source, fetchedAt: fetchedAt, urlTemplate: urlTemplate.pattern, db)
            inserts = RawStatementsByRows(db) { rows in
                let values = Array(repeating: "(?, ?, ?, ?, ?, \(sourceID))", count: rows).joined(separator: ", ")
                return "INSERT OR IGNORE INTO filing (cik, accession, filingDate, form, companyName, sourceID) VALUES \(values)"
            }
            companies = BulkCompanyWriter(db, source: source)
            pending.reserveCapacity(Self.rowsPerStatement)
            pendingBytes.reserveCapacity(Self.rowsPerStatement * 128)
            url.reserveCapacity(256)
        }

        /// Queues one row, stored unless its filer already has that accession. The buffers need only live for the call.
        ///
        /// Names that are not ASCII are decoded as the parser decodes them (UTF-8, else Latin-1).
        /// - Parameters:
        ///   - date: ISO `YYYY-MM-DD`.
        ///   - accession: `NNNNNNNNNN-NN-NNNNNN`.
        func insert(
            cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
            date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
        ) throws {
            let decodedName = Self.isASCII(name) ? nil : ByteText.text(name, 0..<name.count)
            // A watched row goes alone, after the rows queued before it, so the change count says whether it was new.
            let isWatched = watched.contains(cik)
            if isWatched { try flush() }
            let row = PendingRow(
                cik: cik, accession: append(accession), date: append(date),
                form: Self.isASCII(form) ? append(form) : append(ByteText.plain(form, 0..<form.count)),
                name: decodedName.map(append) ?? append(name))
            pending.append(row)
            if Filing.isCurrentReportForm(form, 0..<form.count), notedCIKs.insert(cik).inserted {
                pendingBytes.withUnsafeBufferPointer { bytes in
                    companies.note(cik: cik, name: UnsafeBufferPointer(rebasing: bytes[row.name]))
                }
            }
            if isWatched, try flush() > 0 {
                urlTemplate.write(cik: cik, accession: accession, into: &url)
                let companyName = decodedName ?? ByteText.plain(name, 0..<name.count)
                watchedFilings.append(filing(cik: cik, name: companyName, form: form, date: date, accession: accession))
            } else if pending.count == Self.rowsPerStatement {
                try flush()
            }
        }

        /// Stores the rows and companies still queued; the load calls it once, after the last row.
        func finish() throws {
            try flush()
            try companies.finish()
        }

        /// Inserts the queued rows in one statement and returns how many were new.
        @discardableResult
        private func flush() throws -> Int {
            guard !pending.isEmpty else { return 0 }
            let statement = try inserts.statement(rows: pending.count)
            try pendingBytes.withUnsafeBufferPointer { bytes in
                for (index, row) in pending.enumerated() {
                    let first = Int32(index * 5)
                    try statement.bind(first + 1, row.cik)
                    try statement.bind(first + 2, bytes: UnsafeBufferPointer(rebasing: bytes[row.accession]))
                    try statement.bind(first + 3, bytes: UnsafeBufferPointer(rebasing: bytes[row.date]))
                    try statement.bind(first + 4, bytes: UnsafeBufferPointer(rebasing: bytes[row.form]))
                    try statement.bind(first + 5, bytes: UnsafeBufferPointer(rebasing: bytes[row.name]))
                }
                try statement.run()
            }
            let new = db.changesCount
            inserted += new
            pending.removeAll(keepingCapacity: true)
            pendingBytes.removeAll(keepingCapacity: true)
            return new
        }

        /// Copies bytes to the end of `pendingBytes` and returns where they lie.
        private func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
            let start = pendingBytes.count
            pendingBytes.append(contentsOf: bytes)
            return start..<pendingBytes.count
        }

        private func append(_ text: String) -> Range<Int> {
            let start = pendingBytes.count
            pendingBytes.append(contentsOf: text.utf8)
            return start..<pendingBytes.count
        }

        private func filing(
            cik: Int64, name: String, form: UnsafeBufferPointer<UInt8>, date: UnsafeBufferPointer<UInt8>,
            accession: UnsafeBufferPointer<UInt8>
        ) -> Filing {
            Filing(
                accession: ByteText.plain(accession, 0..<accession.count), cik: cik, companyName: name,
                form: ByteText.plain(form, 0..<form.count), filingDate: ByteText.plain(date, 0..<date.count),
                url: String(decoding: url, as: UTF8.self), source: source, fetchedAt: fetchedAt)
        }

        private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var any: UInt8 = 0
            for byte in bytes { any |= byte }
            return any < 0x80
        }
    }
}
