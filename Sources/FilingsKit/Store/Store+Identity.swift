import FilingsModel
import Foundation
import GRDB

struct SubsidiaryRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "subsidiary"
    var cik: Int64
    var name: String
    var normalized: String
    var accession: String
    var filedOn: String
}

extension Store {
    /// Replaces the subsidiaries of `cik` with those of the 10-K `accession` filed on `filedOn`, and
    /// notes that 10-K as read, so one without an Exhibit 21 is not asked again.
    public func replaceSubsidiaries(cik: Int64, names: [String], accession: String, filedOn: String) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: ["subsidiaries.\(cik)", accession])
            try SubsidiaryRow.filter(Column("cik") == cik).deleteAll(db)
            for name in names {
                let normalized = CompanyName.normalize(name)
                guard !normalized.isEmpty else { continue }
                try SubsidiaryRow(cik: cik, name: name, normalized: normalized, accession: accession, filedOn: filedOn)
                    .insert(db, onConflict: .ignore)
            }
        }
    }

    /// The subsidiaries stored for `cik`, as known names.
    public func subsidiaries(cik: Int64) throws -> [KnownName] {
        try writer.read { db in
            try SubsidiaryRow.filter(Column("cik") == cik).order(Column("name")).fetchAll(db).map {
                KnownName($0.name, basis: .subsidiary, from: $0.filedOn, provenance: "Exhibit 21 of the 10-K filed \($0.filedOn), \($0.accession)")
            }
        }
    }

    /// The accession of the 10-K last read for the subsidiaries of `cik` (with an Exhibit 21 or without), if any.
    public func subsidiaryAccession(cik: Int64) throws -> String? {
        try setting("subsidiaries.\(cik)")
    }

    /// Every name the store knows for any company, for linking records: (cik, known name, normalized).
    func directoryNames() throws -> [(cik: Int64, name: KnownName, normalized: String)] {
        try writer.read { db in
            var names: [(Int64, KnownName, String)] = []
            let rows = try CompanyNameRow.filter(Column("kind") != "ticker").fetchAll(db)
            for row in rows {
                let basis = KnownName.Basis(rawValue: row.kind) ?? .current
                names.append((row.cik, KnownName(row.name, basis: basis, from: row.from, to: row.to, provenance: "EDGAR"), row.normalized))
            }
            for row in try SubsidiaryRow.fetchAll(db) {
                let name = KnownName(row.name, basis: .subsidiary, from: row.filedOn, provenance: "Exhibit 21 of the 10-K filed \(row.filedOn)")
                names.append((row.cik, name, row.normalized))
            }
            return names
        }
    }

    /// Companies with tickers, for their brands.
    func companiesWithTickers() throws -> [Company] {
        try writer.read { db in try Company.filter(sql: "tickers <> '[]'").fetchAll(db) }
    }

    /// Writes links, replacing earlier ones for the same records.
    public func storeLinks(_ links: [RecordLink]) throws {
        guard !links.isEmpty else { return }
        try writer.write { db in
            for link in links { try link.insert(db, onConflict: .replace) }
        }
    }

    /// The links of `records` (keys as `RecordLink.key`), by record.
    public func links(records: [String]) throws -> [String: RecordLink] {
        try writer.read { db in
            var found: [String: RecordLink] = [:]
            for chunk in stride(from: 0, to: records.count, by: 500) {
                let keys = Array(records[chunk..<min(chunk + 500, records.count)])
                for link in try RecordLink.filter(keys.contains(Column("record"))).fetchAll(db) { found[link.record] = link }
            }
            return found
        }
    }

    /// The records linked to `cik`.
    public func links(cik: Int64) throws -> [RecordLink] {
        try writer.read { db in try RecordLink.filter(Column("cik") == cik).fetchAll(db) }
    }

    /// Counts of links: records examined, linked to a company.
    public func linkCounts() throws -> (examined: Int, linked: Int) {
        try writer.read { db in
            let examined = try RecordLink.fetchCount(db)
            let linked = try RecordLink.filter(Column("cik") != nil).fetchCount(db)
            return (examined, linked)
        }
    }
}
