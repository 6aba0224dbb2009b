import FilingsModel
import Foundation

/// One row of an EDGAR index (master, form or company; daily or quarterly).
public struct IndexEntry: Sendable, Equatable {
    /// The filer's Central Index Key.
    public var cik: Int64
    /// The filer's name as the index writes it (`\PA\`-style state tags included).
    public var companyName: String
    /// The form type, e.g. `8-K`.
    public var form: String
    /// ISO `YYYY-MM-DD` (daily indexes write `YYYYMMDD`, quarterly ones `YYYY-MM-DD`).
    public var dateFiled: String
    /// The archive path as given, e.g. `edgar/data/1000229/0001209191-20-000788.txt`.
    public var path: String
    /// The accession number from the path's file name, e.g. `0001209191-20-000788`.
    public var accession: String

    /// Creates an entry from its fields.
    public init(cik: Int64, companyName: String, form: String, dateFiled: String, path: String, accession: String) {
        self.cik = cik
        self.companyName = companyName
        self.form = form
        self.dateFiled = dateFiled
        self.path = path
        self.accession = accession
    }

    /// The entry as a `Filing` (items unknown: indexes carry none) linked to `url`, its index page built from the feed.
    public func filing(url: String, source: String, fetchedAt: Date = Date()) -> Filing {
        Filing(
            accession: accession, cik: cik, companyName: companyName, form: form, filingDate: dateFiled,
            url: url, source: source, fetchedAt: fetchedAt)
    }
}
