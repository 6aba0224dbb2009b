import FilingsModel
import Foundation

/// Links stored WARN notices and ERM events to the one company each is, watched or not, so
/// `records --company` and `check` of any company find them, and says why.
struct RecordLinker {
    let context: FilingsContext

    /// Links `warn` and `erm` (the rows a file just stored) and returns how many found a company.
    @discardableResult
    func link(warn: [WarnNotice], erm: [ERMEvent]) throws -> Int {
        guard !warn.isEmpty || !erm.isEmpty else { return 0 }
        let directory = try directory()
        var links = warn.map { notice in
            Self.link(record: RecordLink.key(warn: notice), company: notice.company, date: notice.noticeDate ?? notice.receivedDate, in: directory)
        }
        links += erm.map { Self.link(record: RecordLink.key(erm: $0), company: $0.company, date: $0.announcementDate, in: directory) }
        try context.store.storeLinks(links)
        return links.filter { $0.cik != nil }.count
    }

    /// Links every stored record again: after a company's names changed (a watch, new subsidiaries).
    @discardableResult
    func linkAll() throws -> Int {
        try link(warn: try context.store.warnNotices(), erm: try context.store.ermEvents())
    }

    /// The directory of every company name on record, brands included.
    func directory() throws -> CompanyDirectory {
        var directory = CompanyDirectory(names: try context.store.directoryNames())
        directory.addBrands(of: try context.store.companiesWithTickers())
        return directory
    }

    static func link(record: String, company: String, date: String?, in directory: CompanyDirectory) -> RecordLink {
        let found = directory.link(company, on: date)
        return RecordLink(record: record, cik: found.cik, name: found.name?.name, basis: found.name?.basis, reason: found.reason)
    }
}
