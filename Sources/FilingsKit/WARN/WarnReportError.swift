import FilingsModel
import Foundation

/// Why a WARN report could not be read at all.
public enum WarnReportError: Error, Equatable, LocalizedError {
    /// No sheet of the workbook has a header row with Company and Notice Date.
    case noNoticeSheet(source: String, sheets: [String])
    /// The bytes are not a PDF (often an HTML error page saved under a `.pdf` name).
    case notAPDF(source: String, prefix: String)
    /// No table of a state's file has a header row naming the fields its feed file requires.
    case noHeader(source: String, feed: String, looked: [String])
    /// A state's file is not in the format its feed file declares (an HTML page where a workbook was expected).
    case wrongFormat(source: String, feed: String, expected: String, found: String)

    /// A sentence naming the file, what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .noNoticeSheet(source, sheets):
            "\(source): no sheet has a header row with Company and Notice Date (sheets: \(sheets.map { "\"\($0)\"" }.joined(separator: ", "))); EDD may have changed the layout, check the file."
        case let .notAPDF(source, prefix):
            "\(source) is not a PDF (it starts with \"\(prefix)\", not %PDF): the server sent an error page; check the link (EDD links have had trailing spaces) and download again."
        case let .noHeader(source, feed, looked):
            "\(source): no table has a header row naming \(looked.joined(separator: " and ")); the state may have changed its file: check it and edit the column map in Feeds/\(feed).json"
        case let .wrongFormat(source, feed, expected, found):
            "\(source): expected \(expected) but got \(found); the state may have moved its file: check the address in Feeds/\(feed).json"
        }
    }
}
