import FilingsFormats
import Foundation

/// Parses SEC ticker maps: `company_tickers.json` (`{"0":{"cik_str","ticker","title"},...}`, also
/// older gzip snapshots of it) and `company_tickers_exchange.json` (`{"fields":[...],"data":[[...]]}`).
public enum TickerMapParser {
    static let expected = "an SEC ticker map (company_tickers.json or company_tickers_exchange.json)"
    static let issueLimit = 20

    /// The entries of a ticker map, in file order; malformed rows are skipped.
    public static func parse(_ data: Data, source: String) throws -> [TickerEntry] {
        try map(data, source: source).entries
    }

    /// The entries of a ticker map and what was skipped.
    ///
    /// - Throws: `EDGARFormatError` for HTML, bad gzip, or JSON of another shape.
    public static func map(_ data: Data, source: String) throws -> TickerMap {
        var data = data
        if Gzip.isCompressed(data) {
            do {
                data = try Gzip.decompress(data)
            } catch let error as Gzip.DecompressionError {
                throw EDGARFormatError.compression(source: source, reason: error.reason)
            }
        }
        guard let object = try JSONField.object(data, source: source, expected: expected) as? [String: Any] else {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: expected, found: "JSON that is not an object")
        }
        if let fields = object["fields"] as? [Any], let rows = object["data"] as? [Any] {
            return try columnar(fields: fields.map { JSONField.string($0) ?? "" }, rows: rows, source: source)
        }
        return try keyed(object, source: source)
    }

    /// `{"0":{"cik_str":789019,"ticker":"MSFT","title":"MICROSOFT CORP"},...}`, ordered by key.
    private static func keyed(_ object: [String: Any], source: String) throws -> TickerMap {
        let ordered = object.sorted { (Int($0.key) ?? Int.max, $0.key) < (Int($1.key) ?? Int.max, $1.key) }
        var map = TickerMap(entries: [])
        map.entries.reserveCapacity(ordered.count)
        for (key, value) in ordered {
            guard let row = value as? [String: Any] else {
                throw EDGARFormatError.unexpectedContent(
                    source: source, expected: expected, found: "key \"\(key)\" does not hold an object")
            }
            if let entry = entry(
                cik: row["cik_str"] ?? row["cik"], ticker: row["ticker"], name: row["title"] ?? row["name"])
            {
                map.entries.append(entry)
            } else {
                skip(&map, "entry \"\(key)\" has no numeric cik_str or no ticker")
            }
        }
        return map
    }

    /// `{"fields":["cik","name","ticker","exchange"],"data":[[1045810,"NVIDIA CORP","NVDA","Nasdaq"],...]}`.
    private static func columnar(fields: [String], rows: [Any], source: String) throws -> TickerMap {
        guard let cikColumn = fields.firstIndex(of: "cik"), let tickerColumn = fields.firstIndex(of: "ticker") else {
            throw EDGARFormatError.unexpectedContent(
                source: source, expected: expected, found: "fields \(fields) lack \"cik\" or \"ticker\"")
        }
        let nameColumn = fields.firstIndex(of: "name") ?? fields.firstIndex(of: "title")
        let exchangeColumn = fields.firstIndex(of: "exchange")
        var map = TickerMap(entries: [])
        map.entries.reserveCapacity(rows.count)
        for (index, value) in rows.enumerated() {
            let row = value as? [Any] ?? []
            func cell(_ column: Int?) -> Any? {
                guard let column, column < row.count else { return nil }
                return row[column]
            }
            if var entry = entry(cik: cell(cikColumn), ticker: cell(tickerColumn), name: cell(nameColumn)) {
                entry.exchange = JSONField.string(cell(exchangeColumn))
                map.entries.append(entry)
            } else {
                skip(&map, "data row \(index) has no numeric cik or no ticker")
            }
        }
        return map
    }

    private static func entry(cik: Any?, ticker: Any?, name: Any?) -> TickerEntry? {
        guard let cik = JSONField.int64(cik), cik > 0, let ticker = JSONField.string(ticker) else { return nil }
        return TickerEntry(cik: cik, ticker: ticker, name: JSONField.string(name) ?? "")
    }

    private static func skip(_ map: inout TickerMap, _ reason: String) {
        map.skippedCount += 1
        if map.issues.count < issueLimit { map.issues.append(reason) }
    }
}
