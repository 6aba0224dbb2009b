import Foundation

/// `filings records`: stored source records, watched or not, in the contract's shape.
public struct RecordFinder: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Records of `source` (all sources when nil) for `company` (all when nil) in a window, newest first.
    public func records(source: SourceKind?, company: String?, since: String?, until: String?, limit: Int) throws -> [RecordJSON] {
        var records: [RecordJSON] = []
        let cik = try company.map { try Watcher(context: context).cik(naming: $0) }
        if source == nil || source == .sec8k {
            let filings = try cik.map { try context.store.filings(cik: $0, since: since, until: until) }
                ?? context.store.filings(since: since, until: until, limit: limit)
            records += filings.map(RecordJSON.init)
        }
        return Array(records.sorted { ($0.date ?? "") > ($1.date ?? "") }.prefix(limit))
    }
}
