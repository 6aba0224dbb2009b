import FilingsFormats
import FilingsModel
import Foundation

// The byte-level twins of `Filing.isCurrentReportForm` and `IndexForms.keeps`, for the index
// reader's hot loop: they decide on a form's bytes without making a String of them.

extension Filing {
    /// True when the form type at `range` of `bytes` names an 8-K or an amendment of one.
    static func isCurrentReportForm(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        ByteText.equals(bytes, range, "8-K") || ByteText.equals(bytes, range, "8-K/A")
    }
}

extension IndexForms {
    /// True when the form type at `range` of `bytes` is kept.
    func keeps(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        self == .all || Filing.isCurrentReportForm(bytes, range)
    }
}
