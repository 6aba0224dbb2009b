import Foundation

/// Kept index rows copied out of the reader's buffer, so reading can run ahead of the store: the
/// buffer (or the mapped page) they came from is reused or released as soon as they are copied.
struct KeptRowBatch: Sendable {
    /// One row: its CIK, and its name, form, date and accession one after another in `bytes`.
    /// (Offsets and lengths of 32 bits: a row takes 24 bytes here, not the 72 of four ranges.)
    struct Row: Sendable {
        var cik: Int64
        var start: UInt32
        var nameLength: UInt32
        var formLength: UInt32
        /// 10 and 20: the reader checked both.
        var dateLength: UInt16
        var accessionLength: UInt16
    }

    private(set) var bytes: [UInt8] = []
    private(set) var rows: [Row] = []
    /// The source's raw bytes consumed once this batch was read, for progress.
    var bytesConsumed = 0

    /// Memory the batch holds, roughly: what the reader may run ahead by is counted in this.
    var size: Int { bytes.capacity + rows.capacity * MemoryLayout<Row>.stride }

    var isEmpty: Bool { rows.isEmpty }

    init() {}

    /// An empty batch with room for as many rows and bytes as `previous` held: one window of an
    /// index keeps about as many rows as the last, and growing by doubling would hold up to twice that.
    init(sizedLike previous: KeptRowBatch) {
        bytes.reserveCapacity(previous.bytes.count + previous.bytes.count / 8)
        rows.reserveCapacity(previous.rows.count + previous.rows.count / 8)
    }

    mutating func append(
        cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
        date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
    ) {
        let start = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: name)
        bytes.append(contentsOf: form)
        bytes.append(contentsOf: date)
        bytes.append(contentsOf: accession)
        rows.append(
            Row(cik: cik, start: start, nameLength: UInt32(truncatingIfNeeded: name.count), formLength: UInt32(truncatingIfNeeded: form.count),
                dateLength: UInt16(truncatingIfNeeded: date.count), accessionLength: UInt16(truncatingIfNeeded: accession.count)))
    }

    /// Hands every row, in order, to `sink`.
    func insert(into sink: some KeptRowSink) throws {
        try bytes.withUnsafeBufferPointer { bytes in
            for row in rows {
                let name = Int(row.start)..<Int(row.start) + Int(row.nameLength)
                let form = name.upperBound..<name.upperBound + Int(row.formLength)
                let date = form.upperBound..<form.upperBound + Int(row.dateLength)
                let accession = date.upperBound..<date.upperBound + Int(row.accessionLength)
                try sink.insert(
                    cik: row.cik, name: UnsafeBufferPointer(rebasing: bytes[name]), form: UnsafeBufferPointer(rebasing: bytes[form]),
                    date: UnsafeBufferPointer(rebasing: bytes[date]), accession: UnsafeBufferPointer(rebasing: bytes[accession]))
            }
        }
    }
}
