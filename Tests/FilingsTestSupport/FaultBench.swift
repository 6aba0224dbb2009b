import FilingsHTTP
import FilingsKit
import FilingsModel
import Foundation
import GRDB

/// Shared tools of the fault tests: contexts with short timeouts, big generated indexes, database probes.
enum FaultBench {
    /// The header of a daily master index of 2025-11-18, for hostile rows to follow.
    static let dailyHeader = [
        "Description:           Daily Index of EDGAR Dissemination Feed", "Last Data Received:    Nov 18, 2025",
        "Comments:              webmaster@sec.gov", "Anonymous FTP:         ftp://ftp.sec.gov/edgar/", " ",
        "CIK|Company Name|Form Type|Date Filed|File Name",
        "--------------------------------------------------------------------------------",
    ].joined(separator: "\n") + "\n"
    /// One good 8-K row of that day.
    static let goodRow = "1326801|Meta Platforms, Inc.|8-K|20251118|edgar/data/1326801/0001628280-25-061001.txt\n"

    /// A company name that carries every trick a filer could play on a terminal, a mail header or JSON.
    static let hostileName = "Evil\u{1B}]0;pwned\u{07}Corp\r\nBcc: victim@example.com\u{0}\u{202E}gpj.exe\u{1B}[2J\u{9B}31m"

    /// Scalars that must never reach a terminal, a mail or a JSON file raw: controls (but LF and tab), DEL, C1, bidi controls.
    static func unsafeScalars(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A, 0x09: false
            case 0x00...0x1F, 0x7F...0x9F: true
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
            default: false
            }
        }
    }

    /// The day whose index misbehaves in the sync fault tests, and its path on the mirror.
    static let faultDay = "20251118"
    static var faultPath: String { EDGARMirror.dailyPath(faultDay) }

    /// A context like `EDGARMirror.context` but over the store's own ban record; `totalTimeout` bounds one response
    /// (short for a dripping server, so it costs about a second per attempt).
    static func context(
        _ mirror: EDGARMirror, clock: TestClock, store: Store, totalTimeout: TimeInterval = 30, log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> FilingsContext {
        let client = HTTPClient(
            transport: .live(timeout: 5, totalTimeout: totalTimeout), userAgent: EDGARMirror.userAgent, requestsPerSecond: 10, maxAttempts: 2,
            ban: store.banRecord(), sleep: { _ in }, now: clock.now, log: log)
        let fetcher = Fetcher { url, kind, validators, sec in
            try await client.fetch(url, kind: kind, validators: validators, sec: sec)
        }
        return FilingsContext(store: store, feeds: try FeedCatalog(directory: mirror.feedsDirectory.path), fetcher: fetcher, now: clock.now, log: log)
    }

    /// A fresh store in its own temporary directory.
    static func freshStore() throws -> Store {
        try Store(path: try temporaryDirectory().appendingPathComponent("filings.sqlite").path)
    }

    /// Filings whose source is `source` (an index URL or file path).
    static func filingCount(_ store: Store, source: String) throws -> Int {
        try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM filing JOIN filingSource ON filingSource.id = filing.sourceID WHERE filingSource.source = ?", arguments: [source]) ?? 0
        }
    }

    /// `PRAGMA integrity_check` joined into one string ("ok" when the file is sound).
    static func integrity(_ store: Store) throws -> String {
        try store.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// A quarterly master index of `rows` 8-K rows with accessions unique to `fileNumber`.
    static func quarterlyMaster(rows: Int, fileNumber: Int) -> Data {
        var text = """
            Description:           Master Index of EDGAR Dissemination Feed
            Last Data Received:    March 31, 2025
            Comments:              webmaster@sec.gov
            Anonymous FTP:         ftp://ftp.sec.gov/edgar/
            Cloud HTTP:            https://www.sec.gov/Archives/




            CIK|Company Name|Form Type|Date Filed|Filename
            --------------------------------------------------------------------------------

            """
        text.reserveCapacity(rows * 90)
        let filer = String(format: "%010d", 9_000_000 + fileNumber)
        for row in 0..<rows {
            let cik = 1_000_000 + row % 5_000
            let sequence = String(format: "%06d", row)
            text += "\(cik)|GENERATED COMPANY \(row % 5_000) INC|8-K|2025-02-\(String(format: "%02d", 1 + row % 28))|edgar/data/\(cik)/\(filer)-25-\(sequence).txt\n"
        }
        return Data(text.utf8)
    }

    /// Polls (bounded, about `seconds`) until `condition` holds; returns whether it did.
    static func waitUntil(seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<Int(seconds * 20) {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    /// Polls (bounded, about `seconds`) until an async `condition` holds, such as a request reaching a loopback server.
    static func waitUntilAsync(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<Int(seconds * 20) {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    /// The environment for running the binary against `feeds` and `db`.
    static func environment(db: URL, feeds: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": db.deletingLastPathComponent().path, "FILINGS_DB": db.path,
            "FILINGS_FEEDS": feeds.path, "FILINGS_USER_AGENT": EDGARMirror.userAgent,
        ]
    }

    /// Waits for a started process off the concurrency pool, so a long wait never starves the loopback servers of other tests.
    static func finish(_ running: ProcessRunner.Running) async throws -> ProcessRunner.Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try running.finish() }) }
        }
    }

    /// Runs CPU-heavy work (big generated files, fuzzing) off the concurrency pool, for the same reason.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// The package's own feeds directory (no network is touched by the commands that use it).
    static var packageFeeds: URL { SharedData.packageRoot.appendingPathComponent("Feeds") }
}
