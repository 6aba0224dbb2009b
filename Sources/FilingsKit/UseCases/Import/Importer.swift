import FilingsFormats
import FilingsModel
import Foundation

/// What importing one local file did.
public struct ImportOutcome: Sendable, Equatable {
    public var path: String
    /// The detected kind, e.g. `master index`.
    public var kind: String
    public var rowsRead: Int
    public var recordsStored: Int
    public var malformedRows: Int
    public var eventsRaised: Int
    /// What was skipped and where, e.g. `2 malformed rows skipped (first: line 12: truncated row …)`.
    public var note: String? = nil
}

/// Why a local file could not be imported.
public enum ImportError: LocalizedError, Equatable {
    case unreadable(path: String, reason: String)
    case unknownKind(path: String)
    case pageWithoutCIK(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case notStateWarn(path: String, source: String)
    case ambiguousState(path: String, states: [String])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unknownKind(let path):
            "\(path): not a file filings can import (EDGAR index, submissions JSON, ticker map, a state's WARN file or a peer's WARN dataset, California WARN workbook or PDF, Eurofound ERM CSV); for a state's file, name its state with --source XX-warn"
        case .pageWithoutCIK(let path):
            "\(path): a submissions history page names no company; keep its EDGAR name (CIK##########-submissions-001.json) so its CIK is known"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): \(bytes) bytes is more than any file filings imports (at most \(limit) bytes; EDGAR's quarterly indexes are tens of MB); nothing was read"
        case .notStateWarn(let path, let source):
            "\(path): --source \(source) is not a state WARN feed that publishes notices; name one of the XX-warn feeds in Feeds/"
        case .ambiguousState(let path, let states):
            "\(path): the columns read as any of \(states.joined(separator: ", ")); say which with --source"
        }
    }
}

/// `filings import`: local files in, type detected from their content.
public struct Importer: Sendable {
    /// The largest file read (1 GiB), far above EDGAR's quarterly indexes (tens of MB), so a runaway or hostile file is refused before it is loaded.
    public static let maxFileBytes = 1 << 30

    let context: FilingsContext
    let maxFileBytes: Int

    /// An importer that refuses files larger than `maxFileBytes`.
    public init(context: FilingsContext, maxFileBytes: Int = Importer.maxFileBytes) {
        self.context = context
        self.maxFileBytes = maxFileBytes
    }

    /// Starts reading `path` on a thread of its own when it is a master index, so that its rows
    /// are read while the store opens; nil for any other file, or one that cannot be read (which
    /// `importFile` then reports). Hand the result to `importFile` for the same path and forms.
    public static func readAhead(_ path: String, forms: IndexForms) -> IndexReadAhead? {
        (try? startReading(path, forms: forms)) ?? nil
    }

    /// A reader started on `path` when it is a master index, nil for any other file.
    private static func startReading(_ path: String, forms: IndexForms) throws -> IndexReadAhead? {
        try isMasterIndex(path) ? IndexReadAhead(source: IndexByteSource(path: path), forms: forms) : nil
    }

    /// Imports one file; nothing is stored when it cannot be read or parsed.
    ///
    /// A master index (daily or quarterly, plain or gzip) is streamed through the bulk path;
    /// `forms` says which of its rows are kept (other indexes honour it too). `readAhead`, from
    /// `Importer.readAhead` for this path and forms, is the index already being read.
    public func importFile(
        at path: String, forms: IndexForms = .currentReports, source: Source? = nil, readAhead: IndexReadAhead? = nil
    ) async throws -> ImportOutcome {
        let sourceOption = source
        let readAhead = readAhead.flatMap { $0.name == path && $0.forms == forms ? $0 : nil }
        defer { readAhead?.stop() }
        // stat, not FileManager's attributes: those look up the owner's name in /etc/passwd and /etc/group.
        var status = stat()
        guard stat(path, &status) == 0 else { throw ImportError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        if status.st_size > maxFileBytes { throw ImportError.tooLarge(path: path, bytes: Int(status.st_size), limit: maxFileBytes) }
        if let index = try readAhead ?? Importer.startReading(path, forms: forms) {
            let feed = try context.edgarFeed()
            let ingest = IndexBulkIngest(context: context, feed: feed, forms: forms)
            let outcome = try ingest.run(
                index, recordSource: path,
                ledger: { report, _ in
                    ImportedIndexCoverage(report)?.ledgerEntry(feed: feed.id, source: path, report: report, forms: forms, now: context.now())
                })
            return ImportOutcome(
                path: path, kind: EDGARFileKind.masterIndex.rawValue, rowsRead: outcome.report.rowsKept, recordsStored: outcome.inserted,
                malformedRows: outcome.report.malformedCount, eventsRaised: outcome.eventsRaised, note: IndexIngest.note(outcome.report))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.unreadable(path: path, reason: error.localizedDescription)
        }
        let source = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        if let outcome = try importStateWarn(data, path: path, url: source, source: sourceOption) { return outcome }
        if let outcome = try importNotices(data, path: path, source: source) { return outcome }
        guard let kind = EDGARFileDetector.detect(data) else { throw ImportError.unknownKind(path: path) }
        let feed = try context.edgarFeed()
        switch kind {
        case .masterIndex, .formIndex, .companyIndex:
            let ingest = try IndexIngest.filings(from: data, source: path, feed: feed, now: context.now(), keepAll: forms == .all)
            let inserted = try context.store.insertNewFilings(ingest.filings)
            let raised = try await raiseEvents(for: inserted)
            return ImportOutcome(
                path: path, kind: kind.rawValue, rowsRead: ingest.filings.count, recordsStored: inserted.count, malformedRows: ingest.malformed,
                eventsRaised: raised, note: ingest.note)
        case .submissions:
            let submissions = try SubmissionsParser.parse(data, source: source)
            return try await storeSubmissions(
                submissions.filings, company: submissions.company, path: path, kind: "submissions JSON", feed: feed, issues: submissions.issues)
        case .submissionsPage:
            guard let cik = Importer.cikFromFileName(path), let company = try context.store.company(cik: cik) else {
                throw ImportError.pageWithoutCIK(path: path)
            }
            let page = try SubmissionsParser.page(data, source: source)
            return try await storeSubmissions(page.filings, company: company, path: path, kind: "submissions history page", feed: feed, issues: page.issues)
        case .tickers, .tickersExchange:
            let map = try TickerMapParser.map(data, source: path)
            let companies = try context.store.importTickers(map.entries.map { ($0.cik, $0.ticker, $0.name, $0.exchange) }, source: source)
            return ImportOutcome(
                path: path, kind: "ticker map", rowsRead: map.entries.count, recordsStored: companies, malformedRows: map.skippedCount,
                eventsRaised: 0, note: Importer.note(map.issues, count: map.skippedCount))
        }
    }

    /// Imports a state's WARN file or a peer's WARN dataset into each state's source: with `--source`
    /// always; without it, a CSV whose header a state's map reads (never California's EDD workbook, read below).
    private func importStateWarn(_ data: Data, path: String, url: String, source: Source?) throws -> ImportOutcome? {
        let looksLikeEDD = data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || PDFText.looksLikePDF(data)
        guard source != nil || (!looksLikeEDD && !Importer.looksLikeERMExport(data)) else { return nil }
        guard let parts = try WarnDatasetImport(catalog: context.feeds).read(data, file: path, source: source) else { return nil }
        var outcome = ImportOutcome(path: path, kind: parts.map(\.kind).joined(separator: ", "), rowsRead: 0, recordsStored: 0, malformedRows: 0, eventsRaised: 0)
        for part in parts {
            let stored = try NoticeIngest(context: context).storeWarn(part.parsed, feed: part.feed, unit: .file(url + "#" + part.source.rawValue), url: url)
            outcome.rowsRead += stored.rows
            outcome.recordsStored += stored.stored
            outcome.malformedRows += stored.malformed
            outcome.eventsRaised += stored.eventsRaised
        }
        let diagnostics = parts.flatMap(\.parsed.diagnostics)
        outcome.note = Importer.note(diagnostics.map(\.description), count: diagnostics.count)
        return outcome
    }

    /// Imports a California WARN workbook or PDF, or an ERM CSV export; nil when the file is none of these.
    private func importNotices(_ data: Data, path: String, source: String) throws -> ImportOutcome? {
        let ingest = NoticeIngest(context: context)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || PDFText.looksLikePDF(data) {
            let parsed = try CaliforniaWarnReport.parse(data, source: path)
            let feed = context.feeds.feed(kind: .californiaWarn)?.id ?? Source.caWarn.rawValue
            let stored = try ingest.storeWarn(parsed, feed: feed, unit: .file(source), url: source)
            return ImportOutcome(
                path: path, kind: PDFText.looksLikePDF(data) ? "California WARN PDF" : "California WARN workbook", rowsRead: stored.rows,
                recordsStored: stored.stored, malformedRows: stored.malformed, eventsRaised: stored.eventsRaised)
        }
        guard Importer.looksLikeERMExport(data) else { return nil }
        let feed = context.feeds.feed(kind: .eurofoundERM)
        let parsed = try ERMExport.parse(data, source: path, siteBase: try feed.map { try $0.url("site") } ?? URL(fileURLWithPath: "/"))
        let dates = parsed.events.compactMap { Day($0.announcementDate) }
        let stored = try ingest.storeERM(
            parsed, feed: feed?.id ?? Source.euErm.rawValue, unit: .file(source), url: source,
            coverage: dates.min().flatMap { from in dates.max().map { DaySpan(from, $0) } })
        return ImportOutcome(
            path: path, kind: "Eurofound ERM export", rowsRead: stored.rows, recordsStored: stored.stored,
            malformedRows: stored.malformed, eventsRaised: stored.eventsRaised)
    }

    /// True for text whose first line names the ERM export's columns.
    static func looksLikeERMExport(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(512), as: UTF8.self).lowercased().filter { $0.isLetter || $0 == "," || $0 == "\n" }
        let firstLine = head.split(separator: "\n").first ?? ""
        return firstLine.contains("id,") && firstLine.contains("announcementdate") && firstLine.contains("company")
    }

    private func storeSubmissions(
        _ rows: [SubmissionFiling], company: Company, path: String, kind: String, feed: FeedDefinition, issues: [String]
    ) async throws -> ImportOutcome {
        if kind == "submissions JSON" { try context.store.upsertCompany(company) }
        let loader = SubmissionsLoader(context: context, feed: feed)
        let filings = try rows.filter { Filing.isCurrentReportForm($0.form) }.map { try loader.filing(from: $0, company: company, source: path) }
        let changed = try context.store.upsertSubmissionFilings(filings, historical: true)
        let raised = try await raiseEvents(for: changed)
        return ImportOutcome(
            path: path, kind: kind, rowsRead: rows.count, recordsStored: changed.count, malformedRows: 0, eventsRaised: raised,
            note: Importer.note(issues, count: issues.count))
    }

    /// "N problem(s) (first: …)" for what a parser skipped or found missing, made printable; nil when nothing was.
    static func note(_ issues: [String], count: Int) -> String? {
        guard count > 0 else { return nil }
        let first = issues.first.map { " (first: \(TextSanitizer.singleLine(String($0.prefix(160)))))" } ?? ""
        return "\(count) problem\(count == 1 ? "" : "s")\(first)"
    }

    /// Raises events for imported filings of watched companies; imports are history, so they are marked historical.
    private func raiseEvents(for filings: [Filing]) async throws -> Int {
        let watched = Dictionary(uniqueKeysWithValues: try context.store.watches().map { ($0.cik, $0) })
        let events = filings.compactMap { filing in watched[filing.cik].map { (filing, $0) } }.flatMap { filing, watch in
            EventRaiser.events(for: filing, company: watch.name, historical: true, now: context.now())
        }
        return try context.store.raise(events, settling: filings).count
    }

    /// True when the file's first bytes (inflated when gzip) are a master index's header.
    static func isMasterIndex(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadable(path: path, reason: "no such file, or it cannot be opened")
        }
        defer { try? handle.close() }
        let start: Data
        do {
            start = try handle.read(upToCount: EDGARFileDetector.sniffLength) ?? Data()
        } catch {
            throw ImportError.unreadable(path: path, reason: error.localizedDescription)
        }
        let plain = Gzip.isCompressed(start) ? (try? Gzip.decompress(start, limit: EDGARFileDetector.sniffLength)) ?? Data() : start
        guard plain.first(where: { $0 > 0x20 }) != UInt8(ascii: "{") else { return false }
        return EDGARFileDetector.detect(plain) == .masterIndex
    }

    /// The CIK in an EDGAR file name such as `CIK0000320193-submissions-001.json`.
    static func cikFromFileName(_ path: String) -> Int64? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard name.hasPrefix("CIK") else { return nil }
        return Int64(name.dropFirst(3).prefix(10))
    }
}
