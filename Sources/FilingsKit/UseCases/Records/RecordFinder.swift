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
        // A company's notices: those carrying one of its names, and those linked to it as the one clear match.
        let matcher = try cik.map { NoticeMatcher(names: try context.knownNames(cik: $0)) }
        let linked = try cik.map { Set(try context.store.links(cik: $0).map(\.record)) } ?? []
        func isCompanys(_ company: String, on date: String?, record: String) -> Bool {
            guard let matcher else { return true }
            if case .match = matcher.match(company, on: date) { return true }
            return linked.contains(record)
        }
        if source == nil || source?.isStateWarn == true {
            let notices = try context.store.warnNotices(since: since, until: until, source: source).filter {
                isCompanys($0.company, on: $0.noticeDate, record: RecordLink.key(warn: $0))
            }
            let urls = try context.store.warnReportURLs(keys: notices.map(\.key))
            let links = try context.store.links(records: notices.map(RecordLink.key(warn:)))
            records += notices.map { notice in
                var record = RecordJSON(notice)
                record.url = urls[notice.key]
                record.link(links[RecordLink.key(warn: notice)])
                return record
            }
        }
        if source == nil || source == .euErm {
            let events = try context.store.ermEvents(since: since, until: until).filter {
                isCompanys($0.company, on: $0.announcementDate, record: RecordLink.key(erm: $0))
            }
            let links = try context.store.links(records: events.map(RecordLink.key(erm:)))
            records += events.map { event in
                var record = RecordJSON(event)
                record.link(links[RecordLink.key(erm: event)])
                return record
            }
        }
        let sorted = records.sorted { ($0.date ?? "") > ($1.date ?? "") }
        return RecordPage(records: Array(sorted.prefix(limit)), omitted: max(0, sorted.count - limit) + uncountedFilings)
    }
}
