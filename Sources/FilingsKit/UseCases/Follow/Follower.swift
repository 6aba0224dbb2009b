import FilingsHTTP
import FilingsModel
import Foundation

/// `filings follow`, one batch at a time: read EDGAR's latest-filings feed back to the last entry seen,
/// store the new 8-Ks, read a watched company's filing as the nightly job does, and deliver its events at once.
///
/// The writer lock is held for one batch only, so the nightly `sync` and `digest` run beside it.
public actor Follower {
    let context: FilingsContext
    let request: FollowRequest
    let mailer: Mailer
    let hostName: String
    /// Takes the writer lock for one batch (throws `WriterLockError.held` while another run writes).
    let lock: @Sendable () throws -> WriterLock
    /// Events whose delivery failed, with the attempts made.
    private var retrying: [Int64: Int] = [:]
    /// True once a stale feed was reported, until it moves again.
    private var staleSaid = false

    /// A follower over `context`; `lock` takes the writer lock for a batch.
    public init(
        context: FilingsContext, request: FollowRequest, mailer: Mailer = .live, hostName: String = ProcessInfo.processInfo.hostName,
        lock: @escaping @Sendable () throws -> WriterLock
    ) {
        self.context = context
        self.request = request
        self.mailer = mailer
        self.hostName = hostName
        self.lock = lock
    }

    /// The URL of the feed page starting at entry `start`.
    public static func pageURL(feed: FeedDefinition, start: Int, count: Int) throws -> URL {
        try feed.url("www", "currentFeed", ["start": String(start), "count": String(count)])
    }

    /// Runs one batch; it never throws: what failed is in `problems`, and is retried next time.
    public func poll() async -> FollowBatch {
        var batch = FollowBatch()
        let held: WriterLock
        do {
            held = try lock()
        } catch let error as WriterLockError {
            if case .held(_, let pid) = error {
                batch.skipped = "another filings run (PID \(pid.map(String.init) ?? "unknown")) is writing; trying again next interval"
            } else {
                batch.problems.append(error.localizedDescription)
            }
            return batch
        } catch {
            batch.problems.append(error.localizedDescription)
            return batch
        }
        defer { held.release() }
        do {
            let feed = try context.edgarFeed()
            let before = try context.store.lastEventID()
            var position = try context.store.followPosition() ?? FollowPosition()
            await read(feed: feed, position: &position, into: &batch)
            await retryWaiting(feed: feed, position: &position, into: &batch)
            try context.store.saveFollowPosition(position)
            try await deliver(after: before, into: &batch)
        } catch {
            batch.problems.append(error.localizedDescription)
        }
        return batch
    }

    /// Reads the feed back to the last entry seen and handles what is new.
    func read(feed: FeedDefinition, position: inout FollowPosition, into batch: inout FollowBatch) async {
        let first = position.seen.isEmpty
        var entries: [CurrentFeedEntry] = []
        var reached = false
        var validators: Validators?
        let seen = Set(position.seen)
        do {
            for page in 0..<request.maxPages {
                let url = try Follower.pageURL(feed: feed, start: page * request.pageSize, count: request.pageSize)
                let asked = page == 0 && !first ? Validators(etag: position.etag, lastModified: position.lastModified) : nil
                switch try await context.fetcher.fetch(url, kind: .feed, validators: asked?.isEmpty == true ? nil : asked, sec: true, feed: feed.id) {
                case .notModified:
                    batch.unchanged = true
                    reached = true
                case .missing:
                    throw FollowFeedError.missing(url: url.absoluteString)
                case .fetched(let data, let newValidators):
                    let parsed = try CurrentFeedParser.parse(data, url: url.absoluteString)
                    batch.pagesRead += 1
                    if page == 0 { validators = newValidators }
                    if !parsed.skipped.isEmpty {
                        context.log("\(url.absoluteString): \(parsed.skipped.count) entries could not be read (first: \(parsed.skipped[0]))")
                    }
                    entries += parsed.entries
                    let newest = position.newest ?? .distantPast
                    reached = first || parsed.entries.count < request.pageSize
                        || parsed.entries.contains { seen.contains($0.key) || $0.updated < newest }
                }
                if reached { break }
            }
        } catch {
            batch.problems.append("reading EDGAR's latest-filings feed: \(error.localizedDescription)")
            return
        }
        if batch.unchanged {
            noteIfStale(position, into: &batch)
            return
        }
        var known = seen
        let fresh = entries.filter { known.insert($0.key).inserted }
        batch.newEntries = fresh.count
        if first, !entries.isEmpty {
            batch.notes.append("first start: following EDGAR's latest filings from its newest \(entries.count) entries; earlier filings come with the nightly sync")
        }
        if let newest = entries.map(\.updated).max(), newest > (position.newest ?? .distantPast) {
            position.newest = newest
            staleSaid = false
        }
        noteIfStale(position, into: &batch)
        do {
            try await handle(fresh, feed: feed, position: &position, into: &batch)
        } catch {
            // Nothing of this page is remembered, so the next batch handles it again (storing is idempotent).
            batch.problems.append("storing the feed's new filings: \(error.localizedDescription)")
            return
        }
        position.remember(entries.map(\.key))
        position.etag = validators?.etag
        position.lastModified = validators?.lastModified
        if !reached, !first {
            batch.gap = true
            await fallBackToIndex(feed: feed, entries: entries, position: position, into: &batch)
        }
    }

    /// Says once that the feed has listed nothing new for over an hour in EDGAR's hours.
    func noteIfStale(_ position: FollowPosition, into batch: inout FollowBatch) {
        guard EDGARHours.isStale(newest: position.newest, at: context.now()), !staleSaid, let newest = position.newest else { return }
        batch.notes.append(
            "EDGAR's latest-filings feed has listed no new 8-K since \(Follower.easternTime(newest)) ET, over an hour in EDGAR's hours; it may be stale. Still polling; the nightly sync reads the daily index either way")
        staleSaid = true
    }

    /// Stores the new 8-K family filings, and reads those of watched companies.
    func handle(_ fresh: [CurrentFeedEntry], feed: FeedDefinition, position: inout FollowPosition, into batch: inout FollowBatch) async throws {
        let current = fresh.filter { Filing.isCurrentReportForm($0.form) }
        guard !current.isEmpty else { return }
        let watched = try Dictionary(context.store.watches().map { ($0.cik, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [String] = []
        var byAccession: [String: [CurrentFeedEntry]] = [:]
        for entry in current {
            if byAccession[entry.accession] == nil { order.append(entry.accession) }
            byAccession[entry.accession, default: []].append(entry)
        }
        let source = try Follower.pageURL(feed: feed, start: 0, count: request.pageSize).absoluteString
        // A filing with a watched filer is stored by `readWatched`, under each filer, with the items of its header.
        let withWatched = Set(current.filter { watched[$0.cik] != nil }.map(\.accession))
        let unwatched = try current.filter { !withWatched.contains($0.accession) }.map { try filing(from: $0, feed: feed, source: source) }
        batch.filingsStored += try context.store.insertNewFilings(unwatched).count
        // Oldest first, as EDGAR accepted them.
        for accession in order.reversed() {
            guard let listed = byAccession[accession], let head = listed.first(where: { watched[$0.cik] != nil }) else { continue }
            let waiting = WaitingFiling(
                accession: accession, ciks: listed.map(\.cik), names: listed.map(\.companyName), form: head.form, filingDate: head.filingDate,
                companyName: head.companyName, firstSeen: context.now(), attempts: 0)
            try await readWatched(waiting, feed: feed, source: source, watched: watched, position: &position, into: &batch)
        }
    }

    /// Fetches a watched filing's full text, stores it under each of its filers and raises their events;
    /// a text not on the archive yet waits for the next batch.
    func readWatched(
        _ waiting: WaitingFiling, feed: FeedDefinition, source: String, watched: [Int64: Watch], position: inout FollowPosition,
        into batch: inout FollowBatch
    ) async throws {
        guard let cik = waiting.ciks.first(where: { watched[$0] != nil }) ?? waiting.ciks.first else { return }
        let url = try FilingURL.text(feed: feed, cik: cik, accession: waiting.accession)
        let data: Data
        do {
            guard case .fetched(let body, _) = try await context.fetcher.fetch(url, kind: .document, sec: true, feed: feed.id) else {
                throw FollowFeedError.notArchived(url: url.absoluteString)
            }
            data = body
        } catch {
            if EDGARSync.stopsSECRequests(error) { throw error }
            try wait(waiting, reason: error, feed: feed, source: source, position: &position, into: &batch)
            return
        }
        position.waiting.removeAll { $0.accession == waiting.accession }
        let header = SECHeaderParser.parse(FilingReader.decode(data))
        var filers = (header?.filers ?? []).filter { $0.role == "FILER" }.map { (cik: $0.cik, name: $0.name) }
        for listed in waiting.ciks where !filers.contains(where: { $0.cik == listed }) {
            filers.append((listed, waiting.companyName))
        }
        for filer in filers {
            let filing = Filing(
                accession: waiting.accession, cik: filer.cik, companyName: filer.name, form: header?.form ?? waiting.form,
                filingDate: header?.filedAsOf ?? waiting.filingDate, acceptedAt: header?.acceptedAt, items: header?.itemCodes,
                url: try FilingURL.index(feed: feed, cik: filer.cik, accession: waiting.accession).absoluteString, source: source,
                fetchedAt: context.now())
            guard let watch = watched[filer.cik] else {
                batch.filingsStored += try context.store.insertNewFilings([filing]).count
                continue
            }
            let changed = try context.store.upsertSubmissionFilings([filing], historical: false)
            batch.filingsStored += changed.isEmpty ? 0 : 1
            let outcome = try await FilingEventStage(context: context, feed: feed)
                .run(changed, company: watch.name, historical: false, readSince: "", texts: [waiting.accession: data])
            batch.filingsRead += outcome.filingsRead
            batch.eventsRaised += outcome.eventsRaised
            batch.problems += outcome.failures
        }
    }

    /// Keeps a watched filing whose text could not be fetched for the next batch, until it has waited too long.
    func wait(
        _ waiting: WaitingFiling, reason: Error, feed: FeedDefinition, source: String, position: inout FollowPosition, into batch: inout FollowBatch
    ) throws {
        var waiting = waiting
        waiting.attempts += 1
        position.waiting.removeAll { $0.accession == waiting.accession }
        if waiting.attempts == 1 {
            // Stored as listed, without item codes: if it never comes, the nightly sync learns its items from the submissions JSON.
            let listed = try waiting.ciks.enumerated().map { index, cik in
                Filing(
                    accession: waiting.accession, cik: cik, companyName: waiting.names?.dropFirst(index).first ?? waiting.companyName, form: waiting.form, filingDate: waiting.filingDate,
                    url: try FilingURL.index(feed: feed, cik: cik, accession: waiting.accession).absoluteString, source: source,
                    fetchedAt: context.now())
            }
            batch.filingsStored += try context.store.insertNewFilings(listed).count
        }
        if context.now().timeIntervalSince(waiting.firstSeen) >= request.waitForArchive {
            batch.notes.append(
                "\(waiting.accession) (\(waiting.companyName)) is still not readable on EDGAR's archive after \(Int(request.waitForArchive / 60)) minutes (\(reason.localizedDescription)); left to the nightly sync")
            return
        }
        position.waiting.append(waiting)
        batch.waiting.append(waiting.accession)
        if case FollowFeedError.notArchived = reason { return }
        batch.problems.append("reading \(waiting.accession): \(reason.localizedDescription)")
    }

    /// Asks again for the watched filings that were not on the archive last time.
    func retryWaiting(feed: FeedDefinition, position: inout FollowPosition, into batch: inout FollowBatch) async {
        let due = position.waiting.filter { !batch.waiting.contains($0.accession) }
        guard !due.isEmpty else { return }
        do {
            let watched = try Dictionary(context.store.watches().map { ($0.cik, $0) }, uniquingKeysWith: { first, _ in first })
            let source = try Follower.pageURL(feed: feed, start: 0, count: request.pageSize).absoluteString
            for waiting in due {
                try await readWatched(waiting, feed: feed, source: source, watched: watched, position: &position, into: &batch)
            }
        } catch {
            batch.problems.append("reading filings not on the archive before: \(error.localizedDescription)")
        }
    }

    /// More entries arrived than the pages read hold: EDGAR's daily indexes (the nightly sync's own EDGAR step) fill what they can.
    func fallBackToIndex(feed: FeedDefinition, entries: [CurrentFeedEntry], position: FollowPosition, into batch: inout FollowBatch) async {
        let oldest = entries.map(\.updated).min().map(Follower.easternTime) ?? "?"
        let report = await EDGARSync(context: context, feed: feed).run()
        var note = "the feed gained more than the \(request.maxPages * request.pageSize) entries read (back to \(oldest) ET) since the last one seen; "
        note += "read EDGAR's daily indexes instead (\(report.fetched.count) fetched, \(report.recordsStored) filings stored)"
        note += "; filings of today in the gap come with tonight's index (sync)"
        batch.notes.append(note)
        batch.eventsRaised += report.eventsRaised
        batch.problems += report.failures.map { "daily index after a feed gap: \($0)" }
    }

    /// Hands the batch's new events (and those whose delivery failed last time) to the mail command.
    func deliver(after before: Int64, into batch: inout FollowBatch) async throws {
        let events = try context.store.pendingEvents(afterID: before, or: Set(retrying.keys))
        retrying = retrying.filter { id, _ in events.contains { $0.id == id } }
        guard !events.isEmpty else { return }
        let rendered = try render(events)
        let ids = events.compactMap(\.id)
        guard let command = request.sendCommand else {
            batch.output = rendered
            return
        }
        let failure: String
        do {
            let status = try await mailer.send(command, Data(rendered.utf8))
            if status == 0 {
                try context.store.markDelivered(ids: ids, at: context.now())
                for id in ids { retrying[id] = nil }
                batch.eventsDelivered = ids.count
                return
            }
            failure = DigestError.mailerFailed(command: command, status: status).localizedDescription
        } catch {
            failure = error.localizedDescription
        }
        var givenUp = 0
        for id in ids {
            let attempts = (retrying[id] ?? 0) + 1
            if attempts >= request.deliveryAttempts {
                retrying[id] = nil
                givenUp += 1
            } else {
                retrying[id] = attempts
            }
        }
        let plan = givenUp == ids.count ? "left to the nightly digest" : "tried again next interval, then left to the nightly digest"
        batch.problems.append("delivering \(ids.count) event\(ids.count == 1 ? "" : "s"): \(failure); \(plan)")
    }

    /// The events as the mail or JSON the request asks for.
    func render(_ events: [Event]) throws -> String {
        let renderer = DigestRenderer(generatedAt: context.now())
        switch request.format {
        case .json:
            return String(decoding: try renderer.json(events), as: UTF8.self)
        case .text:
            return renderer.text(events)
        case .mail:
            if request.to.isEmpty { throw DigestError.noRecipient }
            let from = try request.from ?? MailAddress(address: "filings@\(DigestDelivery.domain(hostName))", displayName: "filings")
            return try renderer.mail(events, from: from, to: request.to, messageIDDomain: hostName).rendered()
        }
    }

    /// A feed entry as a filing row (no item codes: the feed carries none).
    func filing(from entry: CurrentFeedEntry, feed: FeedDefinition, source: String) throws -> Filing {
        Filing(
            accession: entry.accession, cik: entry.cik, companyName: entry.companyName, form: entry.form, filingDate: entry.filingDate,
            url: try FilingURL.index(feed: feed, cik: entry.cik, accession: entry.accession).absoluteString, source: source,
            fetchedAt: context.now())
    }

    /// `2025-12-12 18:02` in New York.
    static func easternTime(_ date: Date) -> String {
        let seconds = EDGARHours.secondsIntoDay(date)
        return String(format: "%@ %02d:%02d", Day(date, in: .eastern).iso, seconds / 3600, seconds % 3600 / 60)
    }
}

/// Why a page of the feed or a filing listed in it could not be read.
public enum FollowFeedError: LocalizedError, Equatable {
    case missing(url: String)
    case notArchived(url: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let url): "EDGAR has no feed at \(url); check currentFeed in Feeds/sec-edgar.json"
        case .notArchived(let url): "not on EDGAR's archive yet (\(url))"
        }
    }
}
