import FilingsModel
import Foundation

/// Why a WARN report could not be read at all.
public enum WarnReportError: Error, Equatable, LocalizedError {
    /// No sheet of the workbook has a header row with Company and Notice Date.
    case noNoticeSheet(source: String, sheets: [String])
    /// The bytes are not a PDF (often an HTML error page saved under a `.pdf` name).
    case notAPDF(source: String, prefix: String)

    /// A sentence naming the file, what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .noNoticeSheet(source, sheets):
            "\(source): no sheet has a header row with Company and Notice Date (sheets: \(sheets.map { "\"\($0)\"" }.joined(separator: ", "))); EDD may have changed the layout, check the file."
        case let .notAPDF(source, prefix):
            "\(source) is not a PDF (it starts with \"\(prefix)\", not %PDF): the server sent an error page; check the link (EDD links have had trailing spaces) and download again."
        }
    }
}
