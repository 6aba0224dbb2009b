import FilingsKit
import Foundation
import GRDB

/// The word index as FTS5 holds it, read through `fts5vocab`: its words, not the documents it was
/// given (which `SELECT names FROM companyNameWords` would read back from `companyNameDoc`).
enum WordIndex {
    /// Each company's indexed words, sorted.
    static func words(_ store: Store) throws -> [Int64: [String]] {
        let rows = try store.writer.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.companyNameTerms USING fts5vocab(main, companyNameWords, instance)")
            return try Row.fetchAll(db, sql: "SELECT doc, term FROM temp.companyNameTerms")
        }
        return Dictionary(grouping: rows, by: { $0["doc"] as Int64 }).mapValues { $0.map { $0["term"] as String }.sorted() }
    }

    /// The words FTS5's default tokenizer makes of `text`: letters and digits, case and accents folded.
    static func tokens(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).sorted()
    }
}
