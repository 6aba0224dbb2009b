import FilingsModel
import Foundation

/// A notice file (a state's WARN file, California's report, Eurofound's export) that read far fewer
/// rows than its last good read (a bot wall answering 200 with an empty table, say): not truth.
/// Nothing stored is removed, the earlier read's rows and coverage stay, and the bytes are kept
/// aside beside the database so a person can see what came back.
struct SuspectFile {
    let context: FilingsContext
    let feed: String

    /// Why a read of `rows` rows is suspect because its table vanished: the last good read had rows
    /// and this one has none. (`NoticeIngest` judges a shrink of 20 rows or more; a state whose file
    /// holds fewer, such as Washington's first page of 15, still must not take an empty table as truth.)
    static func vanished(rows: Int, previous: LedgerEntry?) -> String? {
        guard rows == 0, let previous, previous.holdsData, previous.rows > 0 else { return nil }
        return "suspect: read 0 rows where the last good read had \(previous.rows); nothing of it stored, the earlier read kept"
    }

    /// Where the suspect copy of `url` is kept: `<database>.suspect/<feed>/<the URL as a file name>`,
    /// one file per unit, overwritten by the next suspect read of it.
    func asidePath(for url: String) -> URL {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        let name = String(url.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
            .map { allowed.contains($0) ? $0 : "_" }.suffix(150))
        return URL(fileURLWithPath: context.store.path + ".suspect").appendingPathComponent(feed).appendingPathComponent(name)
    }

    /// Keeps `data` aside and records the unit suspect with `reason` and where the file is, keeping
    /// the rows, coverage and validators of `previous` (the last good read). Returns what to report.
    func keep(_ data: Data, url: String, unit: LedgerUnit, reason: String, previous: LedgerEntry) throws -> String {
        var said = reason
        let path = asidePath(for: url)
        do {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: path, options: .atomic)
            said += "; the file is kept at \(path.path)"
        } catch {
            // The verdict stands without the copy; say why it is missing rather than fail the unit twice.
            context.log("\(feed): could not keep the suspect file \(url) at \(path.path): \(error.localizedDescription)")
        }
        var kept = previous
        kept.status = .suspect
        kept.fetchedAt = context.now()
        kept.detail = said
        try context.store.record(kept)
        return said
    }
}
