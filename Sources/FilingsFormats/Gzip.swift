import CZlibShim
import Foundation

/// Gzip decompression (zlib's inflate), used for EDGAR's `.gz` indexes and snapshots.
public enum Gzip {
    /// Why a gzip stream could not be inflated.
    public struct DecompressionError: LocalizedError, Equatable {
        /// zlib's explanation, or a description of the truncation.
        public var reason: String

        /// Creates an error with zlib's reason.
        public init(reason: String) {
            self.reason = reason
        }

        /// A one-line description for the user.
        public var errorDescription: String? {
            "gzip data could not be decompressed: \(reason); fetch or download the file again"
        }
    }

    /// True when `data` starts with the gzip magic bytes `1F 8B`.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// Inflates a gzip (or zlib) stream, members concatenated one after another included.
    ///
    /// With `limit`, stops once at least `limit` bytes are out and returns them (for sniffing
    /// the start of a large file without inflating all of it).
    public static func decompress(_ data: Data, limit: Int? = nil) throws -> Data {
        var stream = z_stream()
        // 15 + 32: the largest window, with automatic gzip or zlib header detection.
        let initStatus = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initStatus == Z_OK else {
            throw DecompressionError(reason: "zlib could not start (status \(initStatus))")
        }
        defer { inflateEnd(&stream) }

        let chunkSize = 1 << 18
        var output = Data()
        output.reserveCapacity(min(data.count * 4, limit ?? Int.max))
        var chunk = [UInt8](repeating: 0, count: chunkSize)

        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            guard let inputBase = input.bindMemory(to: Bytef.self).baseAddress else {
                throw DecompressionError(reason: "no input")
            }
            stream.next_in = UnsafeMutablePointer(mutating: inputBase)
            stream.avail_in = uInt(input.count)
            while true {
                var status: Int32 = Z_OK
                let produced = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return chunkSize - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if let limit, output.count >= limit { return }
                switch status {
                case Z_STREAM_END:
                    guard stream.avail_in >= 2, stream.next_in[0] == 0x1F, stream.next_in[1] == 0x8B else { return }
                    inflateReset(&stream)  // another gzip member follows
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DecompressionError(
                        reason: "the data ends before the end of the compressed stream (truncated download?)")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
                    throw DecompressionError(reason: message)
                }
            }
        }
        return output
    }
}
