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

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unknownKind(let path):
            "\(path): not a file filings can import (EDGAR index, submissions JSON, ticker map, California WARN workbook or PDF, Eurofound ERM CSV)"
        case .pageWithoutCIK(let path):
            "\(path): a submissions history page names no company; keep its EDGAR name (CIK##########-submissions-001.json) so its CIK is known"
        case .tooLarge(let path, let bytes, let limit):
            "\(path): \(bytes) bytes is more than any file filings imports (at most \(limit) bytes; EDGAR's quarterly indexes are tens of MB); nothing was read"
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

    /// Imports one file; nothing is stored when it cannot be read or parsed.
    public func importFile(at path: String) async throws -> ImportOutcome {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
            if size > maxFileBytes { throw ImportError.tooLarge(path: path, bytes: size, limit: maxFileBytes) }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.unreadable(path: path, reason: error.localizedDescription)
        }
        guard let kind = EDGARFileDetector.detect(data) else { throw ImportError.unknownKind(path: path) }
        let feed = try context.edgarFeed()
        let source = URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        switch kind {
        case .masterIndex, .formIndex, .companyIndex:
            let ingest = try IndexIngest.filings(from: data, source: path, feed: feed, now: context.now())
            let inserted = try context.store.insertNewFilings(ingest.filings)
            let raised = try await raiseEvents(for: inserted)
            return ImportOutcome(
                path: path, kind: "\(kind)", rowsRead: ingest.filings.count, recordsStored: inserted.count, malformedRows: ingest.malformed,
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

    private func storeSubmissions(
        _ rows: [SubmissionFiling], company: Company, path: String, kind: String, feed: FeedDefinition, issues: [String]
    ) async throws -> ImportOutcome {
        if kind == "submissions JSON" { try context.store.upsertCompany(company) }
        let loader = SubmissionsLoader(context: context, feed: feed)
        let filings = try rows.filter { Filing.isCurrentReportForm($0.form) }.map { try loader.filing(from: $0, company: company, source: path) }
        let changed = try context.store.upsertSubmissionFilings(filings)
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
        return try context.store.raise(events).count
    }

    /// The CIK in an EDGAR file name such as `CIK0000320193-submissions-001.json`.
    static func cikFromFileName(_ path: String) -> Int64? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard name.hasPrefix("CIK") else { return nil }
        return Int64(name.dropFirst(3).prefix(10))
    }
}
