import FilingsModel
import Foundation
import GRDB

extension Store {
    /// Stores a ticker map: new companies are added, known ones gain tickers; richer data is kept.
    /// Returns how many companies were added or changed: the weekly refresh of an unchanged map writes nothing.
    ///
    /// Written with prepared statements rather than records: a map holds 8,000 companies, and encoding
    /// each `Company` through Codable made a first `watch` spend seconds here. A known company keeps its
    /// names, so only its tickers and exchanges are written; new companies join the word index in one pass.
    @discardableResult
    public func importTickers(_ entries: [(cik: Int64, ticker: String, name: String, exchange: String?)], source: String) throws -> Int {
        try writer.write { db in
            let namesBefore = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM companyName") ?? 0
            let stored = try db.cachedStatement(sql: "SELECT tickers, exchanges FROM company WHERE cik = ?")
            let insertCompany = try db.cachedStatement(sql: """
                INSERT INTO company (cik, name, tickers, exchanges, formerNames, source, updatedAt) VALUES (?, ?, ?, ?, '[]', ?, ?)
                """)
            let updateCompany = try db.cachedStatement(sql: "UPDATE company SET tickers = ?, exchanges = ? WHERE cik = ?")
            let insertName = try db.cachedStatement(sql: "INSERT OR REPLACE INTO companyName (cik, name, normalized, kind) VALUES (?, ?, ?, ?)")
            let now = Date()
            var changed = 0
            // A company's first row in the map gives its name.
            for (cik, rows) in Dictionary(grouping: entries, by: \.cik) {
                guard let first = rows.first else { continue }
                let row = try Row.fetchOne(stored, arguments: [cik])
                var tickers = try row.map { try TickerJSON.decode($0["tickers"]) } ?? []
                var exchanges = try row.map { try TickerJSON.decode($0["exchanges"]) } ?? []
                let before = (tickers, exchanges)
                for ticker in rows.map(\.ticker) where !tickers.contains(ticker) { tickers.append(ticker) }
                for exchange in rows.compactMap(\.exchange) where !exchanges.contains(exchange) { exchanges.append(exchange) }
                if row != nil, before == (tickers, exchanges) { continue }
                if row == nil {
                    try insertCompany.execute(arguments: [cik, first.name, try TickerJSON.encode(tickers), try TickerJSON.encode(exchanges), source, DatabaseTimestamp.text(now)])
                    let normalized = CompanyName.normalize(first.name)
                    if !normalized.isEmpty { try insertName.execute(arguments: [cik, first.name, normalized, "current"]) }
                } else {
                    try updateCompany.execute(arguments: [try TickerJSON.encode(tickers), try TickerJSON.encode(exchanges), cik])
                }
                for ticker in tickers where !before.0.contains(ticker) && !ticker.isEmpty {
                    try insertName.execute(arguments: [cik, ticker, ticker.uppercased(), "ticker"])
                }
                changed += 1
            }
            try Store.indexNames(addedAfter: namesBefore, db)
            return changed
        }
    }
}

/// The JSON arrays `company.tickers` and `company.exchanges` hold, written as GRDB writes a record's arrays.
private enum TickerJSON {
    static func encode(_ values: [String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    static func decode(_ text: String?) throws -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
