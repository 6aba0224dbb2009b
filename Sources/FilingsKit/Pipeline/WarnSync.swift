import Foundation

/// The California EDD stage: the WARN page, then each report it links to, read whole the first time and then only when changed.
public struct WarnSync: Sendable {
    let context: FilingsContext
    let feed: FeedDefinition

    public init(context: FilingsContext, feed: FeedDefinition) {
        self.context = context
        self.feed = feed
    }

    /// Reads the EDD page and every report that is new or changed; stores rows and raises events for watched companies.
    public func run() async -> FeedReport {
        var report = FeedReport(feed: feed.id)
        do {
            let page = try feed.url("page")
            guard case .fetched(let html, _) = try await context.fetcher.fetch(page, .html, nil, false) else {
                throw WarnSyncError.noPage(url: page.absoluteString)
            }
            let links = EDDWarnPage.reportLinks(html: String(decoding: html, as: UTF8.self), base: page)
            guard !links.isEmpty else { throw WarnSyncError.noReports(url: page.absoluteString) }
            for link in links {
                await syncReport(link, into: &report)
            }
        } catch {
            report.failures.append(error.localizedDescription)
        }
        return report
    }

    /// Fetches one report (conditionally when read before; archived fiscal-year PDFs only once) and stores it.
    func syncReport(_ url: URL, into report: inout FeedReport) async {
        let unit = url.absoluteString
        do {
            let previous = try context.store.ledgerEntry(feed: feed.id, unit: unit)
            let isPDF = url.pathExtension.lowercased() == "pdf"
            if isPDF, previous?.status == .ok {
                report.unchanged.append(unit)
                return
            }
            let validators = previous.flatMap { $0.status == .ok ? Validators(etag: $0.etag, lastModified: $0.lastModified) : nil }
            switch try await context.fetcher.fetch(url, isPDF ? .pdf : .workbook, validators, false) {
            case .fetched(let data, let newValidators):
                let parsed = try WarnReportReader.read(data, source: unit)
                let entry = LedgerEntry(
                    feed: feed.id, unit: unit, status: .ok, url: unit, fetchedAt: context.now(), etag: newValidators.etag,
                    lastModified: newValidators.lastModified, rows: parsed.notices.count,
                    detail: parsed.diagnostics.isEmpty ? nil : "\(parsed.diagnostics.count) rows skipped",
                    coversFrom: parsed.coverage?.from, coversUntil: parsed.coverage?.until)
                let stored = try context.store.storeWarnReport(parsed.notices, sourceURL: unit, ledger: entry, now: context.now())
                let events = try NoticeEvents.raiseForWatches(context, warn: stored.inserted + stored.amended, erm: [])
                report.fetched.append(unit)
                report.recordsStored += stored.inserted.count
                report.eventsRaised += events.raised + events.amended
                report.malformedRows += parsed.diagnostics.count
            case .notModified:
                report.unchanged.append(unit)
            case .missing:
                throw WarnSyncError.reportGone(url: unit)
            }
        } catch {
            try? context.store.record(LedgerEntry(feed: feed.id, unit: unit, status: .failed, url: unit, fetchedAt: context.now(), detail: error.localizedDescription))
            report.failures.append("\(unit): \(error.localizedDescription)")
        }
    }
}

/// Reads a California WARN report of either kind, told apart by its first bytes.
public enum WarnReportReader {
    /// The rows of a report, what was skipped, and the span of dates it speaks for.
    public struct Report: Sendable {
        public var notices: [WarnNotice]
        public var diagnostics: [WarnParseResult.Diagnostic]
        public var coverage: (from: String, until: String)?
    }

    /// Parses a workbook or a PDF, told apart by content; anything else is an error naming the source.
    public static func read(_ data: Data, source: String) throws -> Report {
        let result = try CaliforniaWarnReport.parse(data, source: source)
        let dates = result.notices.flatMap { [$0.noticeDate, $0.receivedDate] }.compactMap { $0 }
        let coverage = dates.min().flatMap { from in dates.max().map { (from, $0) } }
        return Report(notices: result.notices, diagnostics: result.diagnostics, coverage: coverage)
    }
}

/// Why the California feed failed.
public enum WarnSyncError: LocalizedError, Equatable {
    case noPage(url: String)
    case noReports(url: String)
    case reportGone(url: String)

    public var errorDescription: String? {
        switch self {
        case .noPage(let url): "the EDD WARN page is not at \(url); update urls.page in Feeds/ca-edd-warn.json"
        case .noReports(let url): "the EDD WARN page \(url) links to no WARN report; its layout may have changed"
        case .reportGone(let url): "\(url) is linked from the EDD page but not found"
        }
    }
}
