import FilingsModel
import Foundation

/// What `filings records` found: the records within the limit, and how many more there are.
public struct RecordPage: Sendable {
    /// The records within the limit, newest first.
    public var records: [RecordJSON]
    /// Records that match but were left out by the limit.
    public var omitted: Int
}

/// `filings records`: stored source records, watched or not, in the contract's shape.
public struct RecordFinder: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// Records of `source` (all sources when nil) for `company` (all when nil) in a window, newest
    /// first, at most `limit` of them, with the count of those left out.
    public func records(source: Source?, company: String?, since: String?, until: String?, limit: Int) throws -> RecordPage {
        var records: [RecordJSON] = []
        // 8-Ks of all companies are read no further than the limit (there may be millions), then counted.
        var uncountedFilings = 0
        let cik = try company.map { try CompanyLookup(context: context).stored($0).cik }
        if source == nil || source == .sec8k {
            let filings = try cik.map { try context.store.filings(cik: $0, since: since, until: until, currentReportsOnly: true) }
                ?? context.store.currentReports(since: since, until: until, limit: limit)
            records += filings.map(RecordJSON.init)
            if cik == nil, filings.count == limit {
                uncountedFilings = try context.store.currentReportCount(since: since, until: until) - filings.count
            }
        }
        let matcher = try company.map { _ in
            NoticeMatcher(names: WatchNames.names(company: try cik.flatMap { try context.store.company(cik: $0) }, watch: try cik.flatMap { try context.store.watch(cik: $0) }))
        }
        if source == nil || source?.isStateWarn == true {
            let notices = try context.store.warnNotices(since: since, until: until, source: source).filter { notice in
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
        let sorted = records.sorted { ($0.date ?? "") > ($1.date ?? "") }
        return RecordPage(records: Array(sorted.prefix(limit)), omitted: max(0, sorted.count - limit) + uncountedFilings)
    }
}
