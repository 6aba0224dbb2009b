import FilingsModel
import Foundation

/// Loads a company's submissions JSON (and, for a new watch, its history pages) into the store.
struct SubmissionsLoader {
    let context: FilingsContext
    let feed: FeedDefinition

    /// What one load stored.
    struct Outcome {
        var company: Company
        /// 8-K family filings added or changed by this load.
        var changed: [Filing]
        /// The first day the list read holds every filing from: EDGAR's first day when every history
        /// page was read, later when one was not (or none was asked for).
        var listedFrom: String?
        /// The company's latest annual report (10-K), whose Exhibit 21 names its subsidiaries.
        var latestAnnualReport: SubmissionFiling?
    }

    /// Fetches `CIK##########.json` and, when `includeHistory`, every page it lists; stores the company and its 8-Ks.
    ///
    /// `historical` says whether the events the changed filings await are history or news.
    func load(cik: Int64, includeHistory: Bool, historical: Bool) async throws -> Outcome {
        try await load(cik: cik, historical: historical, historyNeeded: { _ in includeHistory })
    }

    /// Fetches `CIK##########.json` and its history pages when `historyNeeded` says so, given the oldest date the recent list holds.
    func load(cik: Int64, historical: Bool, historyNeeded: (_ oldestRecent: String?) -> Bool) async throws -> Outcome {
        let url = try feed.url("data", "submissions", ["cik10": String(format: "%010lld", cik)])
        guard case .fetched(let data, _) = try await context.fetcher.fetch(url, expecting: .json, sec: true) else {
            throw EDGARSyncError.noSubmissions(cik: cik, url: url.absoluteString)
        }
        let submissions = try SubmissionsParser.parse(data, source: url.absoluteString)
        var rows = submissions.filings
        var listedFrom = submissions.filings.map(\.filingDate).min()
        if historyNeeded(listedFrom) {
            listedFrom = SubmissionsLoader.firstDay
            for page in submissions.pages {
                let pageURL = try feed.url("data", "submissionsPage", ["name": page])
                guard case .fetched(let pageData, _) = try await context.fetcher.fetch(pageURL, expecting: .json, sec: true) else {
                    context.log("\(pageURL.absoluteString): history page listed but not found; older filings of CIK \(cik) are incomplete")
                    listedFrom = submissions.filings.map(\.filingDate).min()
                    continue
                }
                rows += try SubmissionsParser.parsePage(pageData, source: pageURL.absoluteString)
            }
        }
        let company = submissions.company
        try context.store.upsertCompany(company)
        let filings = try rows.filter { Filing.isCurrentReportForm($0.form) }.map {
            try filing(from: $0, company: company, source: url.absoluteString)
        }
        let changed = try context.store.upsertSubmissionFilings(filings, historical: historical)
        try recordListed(cik: cik, url: url, from: listedFrom, rows: filings.count)
        let annual = rows.filter { ["10-K", "10-K405", "10-KT"].contains($0.form) }.max { $0.filingDate < $1.filingDate }
        return Outcome(company: company, changed: changed, listedFrom: listedFrom, latestAnnualReport: annual)
    }

    /// The first day EDGAR's electronic record can hold.
    static let firstDay = "1994-01-01"

    /// Notes that the company's filings from `from` to today are stored. Filings are never deleted, so
    /// an earlier load's span that this one reaches still holds, and the two join.
    private func recordListed(cik: Int64, url: URL, from listed: String?, rows: Int) throws {
        let today = Day(context.now(), in: .eastern).iso
        let unit = LedgerUnit.submissions(cik: cik)
        var from = listed ?? today
        if let previous = try context.store.ledgerEntry(feed: feed.id, unit: unit), previous.status == .ok,
            let stored = previous.coverage, let listed = DaySpan(from: from, until: today),
            DaySpan.merged([stored, listed]).count == 1
        {
            from = min(from, stored.from.iso)
        }
        try context.store.record(
            LedgerEntry(
                feed: feed.id, unit: unit, status: .ok, url: url.absoluteString, fetchedAt: context.now(), rows: rows,
                detail: "8-K list of CIK \(cik)", coversFrom: from, coversUntil: today))
    }

    func filing(from row: SubmissionFiling, company: Company, source: String) throws -> Filing {
        row.filing(
            cik: company.cik, companyName: company.name,
            url: try FilingURL.index(feed: feed, cik: company.cik, accession: row.accession).absoluteString,
            source: source, fetchedAt: context.now())
    }
}
