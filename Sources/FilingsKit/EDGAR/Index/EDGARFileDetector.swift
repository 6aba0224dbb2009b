import FilingsFormats
import Foundation

/// Tells which EDGAR file some bytes are, from their content (never their name); gzip is looked through.
public enum EDGARFileDetector {
    /// How much of a compressed file is inflated to recognize an index.
    static let sniffLength = 1 << 16

    /// The kind of EDGAR file `data` holds, or nil when it is none of them.
    public static func detect(_ data: Data) -> EDGARFileKind? {
        var data = data
        if Gzip.isCompressed(data) {
            guard let start = try? Gzip.decompress(data, limit: sniffLength) else { return nil }
            if start.first(where: { $0 > 0x20 }) == UInt8(ascii: "{") {
                guard let whole = try? Gzip.decompress(data) else { return nil }
                data = whole
            } else {
                data = start
            }
        }
        switch data.first(where: { $0 > 0x20 }) {
        case UInt8(ascii: "{"):
            return jsonKind(data)
        case .some:
            return indexKind(data.prefix(sniffLength))
        case .none:
            return nil
        }
    }

    private static func indexKind(_ data: Data) -> EDGARFileKind? {
        let header = data.withUnsafeBytes { raw in
            try? IndexHeader.read(raw.bindMemory(to: UInt8.self), source: "")
        }
        switch header?.kind {
        case .master: return .masterIndex
        case .form: return .formIndex
        case .company: return .companyIndex
        case nil: return nil
        }
    }

    private static func jsonKind(_ data: Data) -> EDGARFileKind? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        if object["filings"] is [String: Any], object["cik"] != nil { return .submissions }
        if object["accessionNumber"] is [Any], object["form"] is [Any] { return .submissionsPage }
        if let fields = object["fields"] as? [String], fields.contains("cik"), fields.contains("ticker"),
            object["data"] is [Any]
        {
            return .tickersExchange
        }
        if !object.isEmpty, object.allSatisfy({ Int($0.key) != nil }),
            object.values.allSatisfy({ ($0 as? [String: Any])?["cik_str"] != nil })
        {
            return .tickers
        }
        return nil
    }
}
