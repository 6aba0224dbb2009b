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
            let filings = try cik.map { try context.store.filings(cik: $0, since: since, until: until, currentReportsOnly: true) }
                ?? context.store.currentReports(since: since, until: until, limit: limit)
            records += filings.map(RecordJSON.init)
        }
        let matcher = try company.map { _ in
            NoticeMatcher(names: WatchNames.names(company: try cik.flatMap { try context.store.company(cik: $0) }, watch: try cik.flatMap { try context.store.watch(cik: $0) }))
        }
        if source == nil || source == .caWarn {
            let notices = try context.store.warnNotices(since: since, until: until).filter { notice in
                matcher.map { if case .match = $0.match(notice.company, on: notice.noticeDate) { true } else { false } } ?? true
            }
            let urls = try context.store.warnReportURLs(keys: notices.map(\.key))
            records += notices.map { notice in
                var record = RecordJSON(notice)
                record.url = urls[notice.key]
                return record
            }
        }
        if source == nil || source == .euErm {
            let events = try context.store.ermEvents(since: since, until: until).filter { erm in
                matcher.map { if case .match = $0.match(erm.company, on: erm.announcementDate) { true } else { false } } ?? true
            }
            records += events.map(RecordJSON.init)
        }
        return Array(records.sorted { ($0.date ?? "") > ($1.date ?? "") }.prefix(limit))
    }
}
