import FilingsModel
import Foundation

/// A master index read on a thread of its own, its kept rows handed to the store in batches.
///
/// Reading a quarter's index is about a third of an 8-K import. Started before the store is
/// opened, it is done by the time the store can take the rows; with every form kept, it runs
/// while the rows before are written. The reader runs at most `maxBytesAhead` ahead of the store,
/// then waits, so memory stays flat whatever the size of the index.
public final class IndexReadAhead: @unchecked Sendable {
    /// The most kept-row memory queued for the store: a quarter's 8-K family (about 0.5 MiB) fits
    /// whole; with every form kept, about 25,000 rows, two buffers of the index.
    static let maxBytesAhead = 2 << 20

    /// The file or URL, for messages.
    let name: String
    /// The source's raw size, when known.
    let totalBytes: Int?
    /// The rows kept.
    let forms: IndexForms
    private let queue: KeptRowQueue
    /// Signalled once by the reading thread when it has finished reading.
    private let ended = DispatchSemaphore(value: 0)

    /// Starts reading `source` at once, keeping the rows `forms` names, at most `maxBytesAhead`
    /// of them queued (tests make that one batch).
    init(
        source: IndexByteSource, forms: IndexForms, bufferSize: Int = IndexStream.defaultBufferSize,
        maxBytesAhead: Int = IndexReadAhead.maxBytesAhead
    ) {
        name = source.name
        totalBytes = source.totalBytes
        self.forms = forms
        let queue = KeptRowQueue(limit: maxBytesAhead)
        self.queue = queue
        let stream = ThreadOwned(IndexStream(source: source, forms: forms, bufferSize: bufferSize))
        let ended = ended
        Thread {
            let batcher = KeptRowBatcher(queue: queue)
            let result = Result {
                let report = try stream.value.run(into: batcher) { consumed in batcher.send(bytesConsumed: consumed) }
                batcher.send(bytesConsumed: stream.value.source.bytesConsumed)
                return report
            }
            queue.finish(result)
            ended.signal()
        }.start()
    }

    deinit {
        stop()
    }

    /// Hands every kept row to `sink` as the reader produces them, calling `progress` with the raw
    /// bytes consumed after each batch; returns the reader's report, or throws its error.
    func drain(into sink: some KeptRowSink, progress: (Int) -> Void = { _ in }) throws -> IndexParseReport {
        defer { stop() }
        while true {
            switch queue.next() {
            case .batch(let batch):
                try batch.insert(into: sink)
                progress(batch.bytesConsumed)
            case .end(let result):
                return try result.get()
            }
        }
    }

    /// Stops the reader, if it still runs, and waits for it to finish: nothing more is read, and
    /// the file is no longer mapped, once this returns. Safe to call more than once.
    public func stop() {
        queue.cancel()
        ended.wait()
        ended.signal()
    }
}

/// A value handed to the thread that alone uses it from then on.
private struct ThreadOwned<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// The reader's side: gathers kept rows into a batch, queued after each buffer the stream reads.
private final class KeptRowBatcher: KeptRowSink {
    private let queue: KeptRowQueue
    private var batch = KeptRowBatch()
    private var stopped = false

    init(queue: KeptRowQueue) {
        self.queue = queue
    }

    func insert(
        cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
        date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
    ) throws {
        if stopped { throw CancellationError() }
        batch.append(cik: cik, name: name, form: form, date: date, accession: accession)
    }

    /// Queues the rows gathered so far (an empty batch too: it carries the progress).
    func send(bytesConsumed: Int) {
        guard !stopped else { return }
        batch.bytesConsumed = bytesConsumed
        let sent = batch
        batch = KeptRowBatch(sizedLike: sent)
        stopped = !queue.put(sent)
    }
}

/// Batches from the reading thread to the writing one, bounded by their size, then the reader's end.
private final class KeptRowQueue: @unchecked Sendable {
    enum Item {
        case batch(KeptRowBatch)
        case end(Result<IndexParseReport, Error>)
    }

    private let limit: Int
    // All below guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [KeptRowBatch] = []
    private var held = 0
    private var end: Result<IndexParseReport, Error>?
    private var cancelled = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Queues `batch`, first waiting while the batches queued hold more than the limit would allow;
    /// false when the writer has stopped taking them.
    func put(_ batch: KeptRowBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled, held > 0, held + batch.size > limit { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        held += batch.size
        condition.broadcast()
        return true
    }

    func finish(_ result: Result<IndexParseReport, Error>) {
        condition.lock()
        defer { condition.unlock() }
        end = result
        condition.broadcast()
    }

    /// The next batch, or the reader's end once every batch is taken; waits for either.
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !batches.isEmpty {
                let batch = batches.removeFirst()
                held -= batch.size
                condition.broadcast()
                return .batch(batch)
            }
            if let end { return .end(end) }
            condition.wait()
        }
    }

    /// Drops what is queued and refuses more: the reader stops at its next batch.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        batches = []
        held = 0
        condition.broadcast()
    }
}
