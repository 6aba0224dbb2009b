import CByteScan

/// The two scans that pace an 8-K import: finding the next `|8-K` and counting the lines before
/// it. They are in C (`CByteScan`) to compare 32 bytes at a time where the CPU has AVX2, which
/// Swift's SIMD types could not do as fast; elsewhere they go byte by byte.
enum ByteScan {
    /// Where the next `|8-K` starts in `bytes[from...]`; nil when there is none.
    ///
    /// `bytewise` asks for the portable scan whatever the CPU, so tests can check it too.
    static func nextCurrentReportForm(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, bytewise: Bool = false) -> Int? {
        guard let base = bytes.baseAddress, from < bytes.count else { return nil }
        let found = bytewise ? filings_find_form_8k_bytewise(base, from, bytes.count) : filings_find_form_8k(base, from, bytes.count)
        return found < bytes.count ? found : nil
    }

    /// The lines whose line feed lies in `bytes[from..<limit]`, `from` being the start of a line:
    /// how many there are, how many of them are blank (only spaces and tabs before an optional
    /// carriage return, as `LineCursor` and `ByteText.trimmed` read them), and where the line after
    /// the last of them starts (`from` when there are none).
    static func lines(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, before limit: Int, bytewise: Bool = false
    ) -> (count: Int, blank: Int, next: Int) {
        guard let base = bytes.baseAddress, from < limit, limit <= bytes.count else { return (0, 0, from) }
        var blank = 0
        var next = from
        let count =
            bytewise
            ? filings_count_lines_bytewise(base, from, limit, &blank, &next) : filings_count_lines(base, from, limit, &blank, &next)
        return (count, blank, next)
    }
}
