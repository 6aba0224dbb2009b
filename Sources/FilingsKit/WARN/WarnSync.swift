import FilingsHTTP
import FilingsModel
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
            guard case .fetched(let html, _) = try await context.fetcher.fetch(page, kind: .page, sec: false, feed: feed.id) else {
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
        let unit = LedgerUnit.file(url.absoluteString)
        let previous = try? context.store.ledgerEntry(feed: feed.id, unit: unit)
        do {
            let isPDF = url.pathExtension.lowercased() == "pdf"
            if isPDF, previous?.status == .ok {
                report.unchanged.append(url.absoluteString)
                return
            }
            let validators = previous.flatMap { $0.status == .ok ? Validators(etag: $0.etag, lastModified: $0.lastModified) : nil }
            switch try await context.fetcher.fetch(url, kind: isPDF ? .pdf : .workbook, validators: validators, sec: false, feed: feed.id) {
            case .fetched(let data, let newValidators):
                let parsed = try CaliforniaWarnReport.parse(data, source: url.absoluteString)
                let aside = SuspectFile(context: context, feed: feed.id)
                if let previous, let vanished = SuspectFile.vanished(rows: parsed.notices.count, previous: previous) {
                    let said = try aside.keep(data, url: url.absoluteString, unit: unit, reason: vanished, previous: previous)
                    report.fail(url.absoluteString, said, previous: previous)
                    return
                }
                let stored = try NoticeIngest(context: context).storeWarn(
                    parsed, feed: feed.id, unit: unit, url: url.absoluteString, validators: newValidators)
                if let suspect = stored.suspect, let previous {
                    let said = try aside.keep(data, url: url.absoluteString, unit: unit, reason: suspect, previous: previous)
                    report.fail(url.absoluteString, said, previous: previous)
                    return
                }
                report.stored(url.absoluteString, previous: previous)
                report.recordsStored += stored.stored
                report.eventsRaised += stored.eventsRaised
                report.malformedRows += stored.malformed
            case .notModified:
                report.unchanged.append(url.absoluteString)
            case .missing:
                throw WarnSyncError.reportGone(url: url.absoluteString)
            }
        } catch {
            try? context.store.record(LedgerEntry(feed: feed.id, unit: unit, status: .failed, url: url.absoluteString, fetchedAt: context.now(), detail: error.localizedDescription))
            report.fail(url.absoluteString, error.localizedDescription, previous: previous)
        }
    }
}
