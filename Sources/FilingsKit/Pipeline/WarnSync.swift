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
