import FilingsFormats
import Foundation

/// Addresses in the EDGAR archive (`https://www.sec.gov/Archives/` or a mirror of it).
public enum EDGARArchive {
    /// True for an accession number of the form `0001193125-23-009934` (10, 2 and 6 digits).
    public static func isAccession(_ text: some StringProtocol) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.withUnsafeBufferPointer { ByteText.isAccession($0, 0..<$0.count) }
    }
}
