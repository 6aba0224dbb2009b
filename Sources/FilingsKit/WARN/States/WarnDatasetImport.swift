import FilingsFormats
import FilingsModel
import Foundation

/// Reads a local WARN table (a state's own file, or a peer's dataset) into each state's source:
/// which state it is comes from `--source`, a `state` column, or the state whose column map reads its header best.
struct WarnDatasetImport {
    let catalog: FeedCatalog

    /// One state's share of a file: the feed its rows belong to and the rows read.
    struct Part {
        var feed: String
        var source: Source
        var kind: String
        var parsed: WarnParseResult
    }

    /// warn-notice-register's normalized exports: one state per file, named by a `state` column.
    static let register = WarnTableSpec(
        state: "", format: .csv, headerRequires: [.company, .noticeDate],
        columns: [
            .company: ["employer_name"], .noticeDate: ["notice_date"], .effectiveDate: ["effective_date"],
            .employees: ["employees_affected"], .city: ["place_name"], .address: ["site_address", "location"],
            .county: ["county_name"], .layoffOrClosure: ["layoff_type"], .temporary: ["is_temporary"],
            .amendment: ["is_amendment"], .noticeId: ["source_notice_id"],
        ])

    /// True when the CSV header is warn-notice-register's (`state`, `employer_name`, `dedupe_key`).
    static func isRegister(_ header: [String]) -> Bool {
        let names = Set(header.map(WarnTableReader.normalized))
        return names.isSuperset(of: ["state", "employername", "noticedate", "dedupekey"])
    }

    /// The parts of a file: for `source`, read with that state's map; else detected. Nil when no state's map reads it.
    func read(_ data: Data, file: String, source: Source?) throws -> [Part]? {
        if let source {
            guard let feed = catalog.feed(for: source), var spec = feed.warn, spec.publishes else {
                throw ImportError.notStateWarn(path: file, source: source.rawValue)
            }
            // A local file is read in the format it is in: a state's CSV, or a peer's CSV export of a state that publishes a page.
            spec.format = WarnTableGrid.sniff(data)
            let reader = WarnTableReader(feed: feed.id, source: feed.source, spec: spec)
            return [Part(feed: feed.id, source: feed.source, kind: "\(feed.title) file", parsed: try reader.parse(data, file: file))]
        }
        guard WarnTableGrid.sniff(data) == .csv || WarnTableGrid.sniff(data) == .xlsx else { return nil }
        if WarnTableGrid.sniff(data) == .csv, let table = CSVTable(text: WarnTableGrid.text(data)), Self.isRegister(table.header) {
            return try registerParts(table, data: data, file: file)
        }
        return try bestState(data, file: file).map { [$0] }
    }

    /// A register export split by its `state` column, each state's rows read into its source.
    private func registerParts(_ table: CSVTable, data: Data, file: String) throws -> [Part] {
        guard let stateColumn = table.header.firstIndex(where: { WarnTableReader.normalized($0) == "state" }) else { return [] }
        let byState = Dictionary(grouping: table.records) { $0.fields.indices.contains(stateColumn) ? $0.fields[stateColumn].uppercased() : "" }
        return try byState.keys.sorted().filter { $0.count == 2 }.map { state in
            let source = Source(rawValue: "\(state.lowercased())-warn")
            var spec = Self.register
            spec.state = state
            let reader = WarnTableReader(feed: catalog.feed(for: source)?.id ?? source.rawValue, source: source, spec: spec)
            let rows = [WarnRow(number: 1, cells: table.header.map(WarnCell.text))]
                + (byState[state] ?? []).map { WarnRow(number: $0.line, cells: $0.fields.map(WarnCell.text)) }
            return Part(feed: reader.feed, source: source, kind: "warn-notice-register export (\(state))", parsed: try reader.parse(tables: [rows], file: file))
        }
    }

    /// The state whose column map names the most of the file's header; a tie goes to the state the
    /// file is named for (warn-scraper names its exports `xx.csv`). Nil when no map reads the header.
    private func bestState(_ data: Data, file: String) throws -> Part? {
        var best: [(feed: FeedDefinition, reader: WarnTableReader, fields: Int)] = []
        for feed in catalog.feeds where feed.kind == .stateWarn || feed.warn != nil {
            guard var spec = feed.warn, spec.publishes else { continue }
            spec.format = WarnTableGrid.sniff(data)
            let reader = WarnTableReader(feed: feed.id, source: feed.source, spec: spec)
            guard let tables = try? WarnTableGrid.tables(data, format: spec.format ?? .csv, spec: spec, source: file, feed: feed.id) else { continue }
            let fields = tables.map(reader.matchedFields).max() ?? 0
            guard fields > 0 else { continue }
            if fields > (best.first?.fields ?? 0) { best = [(feed, reader, fields)] } else if fields == best.first?.fields { best.append((feed, reader, fields)) }
        }
        let named = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent.lowercased().prefix(2)
        guard let choice = best.count == 1 ? best.first : best.first(where: { $0.feed.warn?.state.lowercased() == String(named) }) else {
            if best.count > 1 { throw ImportError.ambiguousState(path: file, states: best.map(\.feed.id)) }
            return nil
        }
        return Part(feed: choice.feed.id, source: choice.feed.source, kind: "\(choice.feed.title) file", parsed: try choice.reader.parse(data, file: file))
    }
}
