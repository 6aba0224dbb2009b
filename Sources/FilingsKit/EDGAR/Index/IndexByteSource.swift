import CZlibShim
import Foundation

#if canImport(Glibc)
    import Glibc
    private let readFile = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let readFile = Darwin.read
#endif

/// An index's bytes, handed out a buffer at a time from a file or from memory, gzip inflated on
/// the way, so a 40 MB index is never held whole (when read from a file) nor inflated whole.
final class IndexByteSource {
    private enum Input {
        case file(FileHandle)
        case memory(Data, offset: Int)
    }

    private static let inputSize = 1 << 18

    /// The file or URL, for messages.
    let name: String
    /// Raw (possibly compressed) bytes in all, when known: for progress.
    let totalBytes: Int?
    /// Raw bytes consumed so far.
    private(set) var bytesConsumed = 0
    private var input: Input
    private let pending: UnsafeMutableBufferPointer<UInt8>
    private var pendingStart = 0
    private var pendingEnd = 0
    /// Set when the raw bytes start with the gzip magic bytes.
    private var inflater: UnsafeMutablePointer<z_stream>?
    private var inflaterFinished = false

    /// Reads the file at `path`.
    convenience init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw EDGARFormatError.unreadable(source: path, reason: "no such file, or it cannot be opened")
        }
        var status = stat()
        let size = fstat(handle.fileDescriptor, &status) == 0 ? Int(status.st_size) : nil
        try self.init(input: .file(handle), name: path, totalBytes: size)
    }

    /// Reads bytes already in memory (a fetched index).
    convenience init(data: Data, name: String) throws {
        try self.init(input: .memory(data, offset: 0), name: name, totalBytes: data.count)
    }

    private init(input: Input, name: String, totalBytes: Int?) throws {
        self.input = input
        self.name = name
        self.totalBytes = totalBytes
        pending = .allocate(capacity: Self.inputSize)
        pendingEnd = try readRaw(into: pending)
        if pendingEnd >= 2, pending[0] == 0x1F, pending[1] == 0x8B {
            try startInflating()
        }
    }

    deinit {
        if let inflater {
            inflateEnd(inflater)
            inflater.deallocate()
        }
        pending.deallocate()
        if case .file(let handle) = input { try? handle.close() }
    }

    /// Runs `body` over the whole input when it is plain (not gzip) and can be had without copying:
    /// a file is mapped, bytes in memory are used where they are; nil otherwise (read by buffers).
    ///
    /// `body` calls `release(offset)` once it is done with the bytes before `offset`: their pages
    /// leave memory, so a mapped 40 MB index never counts whole towards the process's memory.
    func withWholeBytes<T>(_ body: (UnsafeBufferPointer<UInt8>, _ release: (Int) -> Void) throws -> T) throws -> T? {
        guard inflater == nil else { return nil }
        switch input {
        case .memory(let data, _):
            return try data.withUnsafeBytes { raw in
                try body(raw.bindMemory(to: UInt8.self)) { offset in bytesConsumed = offset }
            }
        case .file(let handle):
            guard let size = totalBytes, size > 0,
                let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, handle.fileDescriptor, 0), mapped != MAP_FAILED
            else { return nil }
            defer { munmap(mapped, size) }
            madvise(mapped, size, MADV_SEQUENTIAL)
            let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
            var released = 0
            let bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
            return try body(bytes) { offset in
                let upTo = offset / pageSize * pageSize
                if upTo > released {
                    madvise(mapped + released, upTo - released, MADV_DONTNEED)
                    released = upTo
                }
                bytesConsumed = offset
            }
        }
    }

    /// Fills `buffer` as far as the bytes go; returns how many were written, 0 at the end.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        var written = 0
        while written < buffer.count {
            let count = try readSome(into: UnsafeMutableBufferPointer(rebasing: buffer[written...]))
            if count == 0 { break }
            written += count
        }
        return written
    }

    private func readSome(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        if inflater != nil { return try inflate(into: buffer) }
        if pendingStart < pendingEnd, let source = pending.baseAddress {
            let count = min(buffer.count, pendingEnd - pendingStart)
            buffer.baseAddress?.update(from: source + pendingStart, count: count)
            pendingStart += count
            return count
        }
        return try readRaw(into: buffer)
    }

    private func readRaw(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        var count = 0
        switch input {
        case .memory(let data, let offset):
            count = min(buffer.count, data.count - offset)
            if count > 0 {
                data.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + count]))
                }
            }
            input = .memory(data, offset: offset + count)
        case .file(let handle):
            guard let base = buffer.baseAddress else { return 0 }
            let result = readFile(handle.fileDescriptor, base, buffer.count)
            guard result >= 0 else {
                throw EDGARFormatError.unreadable(source: name, reason: String(cString: strerror(errno)))
            }
            count = result
        }
        bytesConsumed += count
        return count
    }

    private func startInflating() throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: the largest window, with automatic gzip or zlib header detection.
        let status = inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            throw EDGARFormatError.compression(source: name, reason: "zlib could not start (status \(status))")
        }
        stream.pointee.next_in = pending.baseAddress
        stream.pointee.avail_in = uInt(pendingEnd)
        inflater = stream
    }

    private func inflate(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard let stream = inflater, !inflaterFinished else { return 0 }
        stream.pointee.next_out = buffer.baseAddress
        stream.pointee.avail_out = uInt(buffer.count)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0, try !refillCompressed(stream) {
                throw EDGARFormatError.compression(
                    source: name, reason: "the data ends before the end of the compressed stream (truncated download?)")
            }
            let status = CZlibShim.inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                if stream.pointee.avail_in == 0, try !refillCompressed(stream) {
                    inflaterFinished = true
                } else if stream.pointee.avail_in >= 2, stream.pointee.next_in[0] == 0x1F, stream.pointee.next_in[1] == 0x8B {
                    inflateReset(stream)  // another gzip member follows
                    continue
                } else {
                    inflaterFinished = true  // trailing bytes after the last member are ignored
                }
            case Z_OK, Z_BUF_ERROR:
                continue
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
                throw EDGARFormatError.compression(source: name, reason: message)
            }
            if inflaterFinished { break }
        }
        return buffer.count - Int(stream.pointee.avail_out)
    }

    /// Reads more compressed bytes for zlib; false at the end of the raw bytes.
    private func refillCompressed(_ stream: UnsafeMutablePointer<z_stream>) throws -> Bool {
        pendingEnd = try readRaw(into: pending)
        pendingStart = pendingEnd
        stream.pointee.next_in = pending.baseAddress
        stream.pointee.avail_in = uInt(pendingEnd)
        return pendingEnd > 0
    }
}
