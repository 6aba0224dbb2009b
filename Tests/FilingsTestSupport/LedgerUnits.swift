import FilingsKit
import FilingsModel

extension LedgerUnit {
    /// A daily index unit from an ISO day written in a test; a mistyped day becomes a file unit that matches nothing.
    static func isoDay(_ iso: String) -> LedgerUnit {
        Day(iso).map(LedgerUnit.day) ?? .file(iso)
    }

    /// A backfilled quarter unit from `2025Q1`; a mistyped quarter becomes a file unit that matches nothing.
    static func isoQuarter(_ text: String) -> LedgerUnit {
        Quarter(text).map(LedgerUnit.quarter) ?? .file(text)
    }
}
