import Foundation

/// Reads a California WARN report of either kind, told apart by its first bytes.
public enum WarnReportReader {
    /// The rows of a report, what was skipped, and the span of dates it speaks for.
    public struct Report: Sendable {
        public var notices: [WarnNotice]
        public var diagnostics: [WarnParseResult.Diagnostic]
        public var coverage: (from: String, until: String)?
    }

    /// Parses a workbook or a PDF, told apart by content; anything else is an error naming the source.
    public static func read(_ data: Data, source: String) throws -> Report {
        let result = try CaliforniaWarnReport.parse(data, source: source)
        let dates = result.notices.flatMap { [$0.noticeDate, $0.receivedDate] }.compactMap { $0 }
        let coverage = dates.min().flatMap { from in dates.max().map { (from, $0) } }
        return Report(notices: result.notices, diagnostics: result.diagnostics, coverage: coverage)
    }
}
