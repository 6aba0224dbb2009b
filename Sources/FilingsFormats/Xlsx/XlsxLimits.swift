/// Size limits that keep a hostile "workbook" (zip bomb) from exhausting memory.
public struct XlsxLimits: Sendable, Equatable {
    /// Largest uncompressed size of one entry, in bytes.
    public var maxEntryBytes: UInt64
    /// Largest uncompressed size of all entries together, in bytes.
    public var maxTotalBytes: UInt64
    /// Largest uncompressed/compressed ratio accepted for entries above `ratioFloorBytes`.
    public var maxCompressionRatio: UInt64
    /// Entries smaller than this are never refused for their ratio (tiny parts compress oddly).
    public var ratioFloorBytes: UInt64
    /// Most cell positions (gaps included) one sheet may span, so far-away references cannot exhaust memory.
    public var maxCellSlots: Int

    /// Custom limits.
    public init(maxEntryBytes: UInt64, maxTotalBytes: UInt64, maxCompressionRatio: UInt64, ratioFloorBytes: UInt64, maxCellSlots: Int = 50_000_000) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxCellSlots = maxCellSlots
    }

    /// Generous for real workbooks (EDD's is 0.3 MB unpacked): 100 MB per entry, 200 MB total,
    /// ratio 200:1 above 1 MB, 50 million cell positions per sheet.
    public static let standard = XlsxLimits(
        maxEntryBytes: 100 << 20, maxTotalBytes: 200 << 20, maxCompressionRatio: 200, ratioFloorBytes: 1 << 20
    )
}
