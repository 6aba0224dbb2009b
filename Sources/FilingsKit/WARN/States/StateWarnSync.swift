import FilingsFormats
import FilingsHTTP
import FilingsModel
import Foundation

/// A state's WARN stage, read as its feed file declares: the file, the files a page links to, or
/// the pages of a listing; each read whole the first time and then only when changed.
public struct StateWarnSync: Sendable {
    let context: FilingsContext
    let feed: FeedDefinition

    public init(context: FilingsContext, feed: FeedDefinition) {
        self.context = context
        self.feed = feed
    }

    /// Reads every unit of the state's feed; a state that does not publish, or is read only from
    /// imported files, fetches nothing.
    public func run() async -> FeedReport {
        var report = FeedReport(feed: feed.id)
        guard let spec = feed.warn, spec.publishes, let fetch = spec.fetch else { return report }
        let reader = WarnTableReader(feed: feed.id, source: feed.source, spec: spec)
        do {
            let url = try feed.url(fetch.url, fetch.path)
            if let pattern = fetch.links {
                let links = try await linkedFiles(page: url, pattern: pattern)
                // The newest file is the state's current list: it speaks for every day up to today.
                for (index, link) in links.enumerated() {
                    await syncFile(link, reader: reader, current: index == links.count - 1, into: &report)
                }
            } else if let pages = fetch.pages {
                for page in pages.first..<(pages.first + pages.maxPages) {
                    let pageURL = try feed.url(fetch.url, fetch.path, ["page": String(page)])
                    let rows = await syncFile(pageURL, reader: reader, current: page == pages.first, into: &report)
                    if rows == 0 { break }
                }
            } else {
                await syncFile(url, reader: reader, current: true, into: &report)
            }
        } catch {
            report.failures.append(error.localizedDescription)
        }
        return report
    }

    /// What a page of links gave on its last read, so a page unchanged since (304) costs no body:
    /// a quiet night is then one conditional request per state file and one for its page.
    struct LinkedPage: Codable {
        var page: String
        /// The feed's link pattern then: a feed file edited since reads the page afresh.
        var pattern: String
        var etag: String?
        var lastModified: String?
        var links: [String]
    }

    /// The links of `page` whose absolute address matches `pattern`, in page order, each once; those
    /// of the last read when the page answers that it has not changed.
    func linkedFiles(page: URL, pattern: String) async throws -> [URL] {
        let key = "state-links/\(feed.id)"
        let last = (try? context.store.setting(key)).flatMap { try? JSONDecoder().decode(LinkedPage.self, from: Data($0.utf8)) }
            .flatMap { $0.page == page.absoluteString && $0.pattern == pattern ? $0 : nil }
        let validators = last.map { Validators(etag: $0.etag, lastModified: $0.lastModified) }
        switch try await context.fetcher.fetch(page, kind: .page, validators: validators?.isEmpty == false ? validators : nil, sec: false, feed: feed.id) {
        case .notModified:
            guard let last, !last.links.isEmpty else { throw StateWarnError.noPage(feed: feed.id, url: page.absoluteString) }
            return last.links.compactMap(URL.init(string:))
        case .missing:
            throw StateWarnError.noPage(feed: feed.id, url: page.absoluteString)
        case .fetched(let html, let newValidators):
            let links = try matchingLinks(in: html, page: page, pattern: pattern)
            let read = LinkedPage(page: page.absoluteString, pattern: pattern, etag: newValidators.etag, lastModified: newValidators.lastModified, links: links.map(\.absoluteString))
            if let encoded = try? JSONEncoder().encode(read) { try? context.store.setSetting(key, String(decoding: encoded, as: UTF8.self)) }
            return links
        }
    }

    private func matchingLinks(in html: Data, page: URL, pattern: String) throws -> [URL] {
        let text = String(decoding: html, as: UTF8.self)
        let regex = try NSRegularExpression(pattern: #"href\s*=\s*["']([^"']+)["']"#, options: .caseInsensitive)
        let wanted = try NSRegularExpression(pattern: pattern, options: .caseInsensitive)
        var seen = Set<String>()
        var links: [URL] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let href = HTMLText.decodeEntities(String(text[range])).trimmingCharacters(in: .whitespaces)
            guard let url = URL(string: href, relativeTo: page)?.absoluteURL else { continue }
            let absolute = url.absoluteString
            guard wanted.firstMatch(in: absolute, range: NSRange(absolute.startIndex..., in: absolute)) != nil, seen.insert(absolute).inserted else {
                continue
            }
            links.append(url)
        }
        guard !links.isEmpty else { throw StateWarnError.noLinks(feed: feed.id, url: page.absoluteString, pattern: pattern) }
        return links
    }

    /// Fetches one unit conditionally and stores its notices; returns the rows read (0 when unchanged or failed).
    @discardableResult
    func syncFile(_ url: URL, reader: WarnTableReader, current: Bool, into report: inout FeedReport) async -> Int {
        let unit = LedgerUnit.file(url.absoluteString)
        let previous = try? context.store.ledgerEntry(feed: feed.id, unit: unit)
        do {
            let validators = previous.flatMap { $0.status == .ok ? Validators(etag: $0.etag, lastModified: $0.lastModified) : nil }
            let kind: BodyKind = switch reader.spec.format {
            case .xlsx: .workbook
            case .json, .csv: .dataFile
            case .htmlTable, nil: .page
            }
            switch try await context.fetcher.fetch(url, kind: kind, validators: validators, sec: false, feed: feed.id) {
            case .fetched(let data, let newValidators):
                let parsed = try reader.parse(data, file: url.absoluteString)
                let aside = SuspectFile(context: context, feed: feed.id)
                if let previous, let vanished = SuspectFile.vanished(rows: parsed.notices.count, previous: previous) {
                    let said = try aside.keep(data, url: url.absoluteString, unit: unit, reason: vanished, previous: previous)
                    report.fail(url.absoluteString, said, previous: previous)
                    return 0
                }
                var coverage = parsed.coverage
                if current, let span = coverage { coverage = DaySpan(span.from, max(span.until, Day(context.now(), in: .eastern))) }
                let stored = try NoticeIngest(context: context).storeWarn(
                    parsed, feed: feed.id, unit: unit, url: url.absoluteString, validators: newValidators, coverage: coverage)
                if let suspect = stored.suspect, let previous {
                    let said = try aside.keep(data, url: url.absoluteString, unit: unit, reason: suspect, previous: previous)
                    report.fail(url.absoluteString, said, previous: previous)
                    return 0
                }
                report.stored(url.absoluteString, previous: previous)
                report.recordsStored += stored.stored
                report.eventsRaised += stored.eventsRaised
                report.malformedRows += stored.malformed
                return parsed.notices.count
            case .notModified:
                report.unchanged.append(url.absoluteString)
                return 0
            case .missing:
                throw StateWarnError.fileGone(feed: feed.id, url: url.absoluteString)
            }
        } catch {
            try? context.store.record(
                LedgerEntry(feed: feed.id, unit: unit, status: .failed, url: url.absoluteString, fetchedAt: context.now(), detail: error.localizedDescription))
            report.fail(url.absoluteString, error.localizedDescription, previous: previous)
            return 0
        }
    }
}

/// Why a state's WARN feed could not be read; each says which feed file to edit.
public enum StateWarnError: LocalizedError, Equatable {
    case noPage(feed: String, url: String)
    case noLinks(feed: String, url: String, pattern: String)
    case fileGone(feed: String, url: String)

    public var errorDescription: String? {
        switch self {
        case .noPage(let feed, let url): "\(feed): no page at \(url); the state may have moved it: update its address in Feeds/\(feed).json"
        case .noLinks(let feed, let url, let pattern):
            "\(feed): the page \(url) links to no file matching \(pattern); the state may have moved its files: update Feeds/\(feed).json"
        case .fileGone(let feed, let url): "\(feed): \(url) is not found; the state may have moved it: update Feeds/\(feed).json"
        }
    }
}
