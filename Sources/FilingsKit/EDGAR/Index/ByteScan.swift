import CByteScan
import FilingsFormats

/// The scan that paces an 8-K import: to the next `|8-K`, counting the lines passed on the way.
/// It is C (`CByteScan`), one pass comparing 32 bytes at a time where the CPU has AVX2, which
/// Swift's SIMD types could not do as fast; elsewhere it goes byte by byte.
enum ByteScan {
    /// What lies between a line start and the next `|8-K`.
    struct FormScan: Equatable {
        /// Where the `|8-K` starts; nil when there is none before the end.
        var form: Int?
        /// The lines whose line feed comes before it (before the end, when there is none).
        var lines: Int
        /// How many of those are blank: only spaces and tabs before an optional carriage return,
        /// as `LineCursor` and `ByteText.trimmed` read them.
        var blank: Int
        /// Where the line after the last of them starts: the line the `|8-K` is in.
        var next: Int
    }

    /// Scans `bytes` from `from`, the start of a line, to the next `|8-K`.
    ///
    /// `bytewise` asks for the portable scan whatever the CPU, so tests can check it too.
    static func toNextCurrentReportForm(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, bytewise: Bool = false) -> FormScan {
        guard let base = bytes.baseAddress, from < bytes.count else { return FormScan(form: nil, lines: 0, blank: 0, next: from) }
        let scan = bytewise ? filings_scan_to_form_8k_bytewise(base, from, bytes.count) : filings_scan_to_form_8k(base, from, bytes.count)
        return FormScan(form: scan.form < bytes.count ? scan.form : nil, lines: scan.lines, blank: scan.blank, next: scan.next)
    }
}
