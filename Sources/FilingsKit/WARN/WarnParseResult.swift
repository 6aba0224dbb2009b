import FilingsFormats
import FilingsModel
/// What one parse of a WARN report produced: notices plus the rows it had to skip.
public struct WarnParseResult: Sendable, Equatable {
    /// A skipped row and why.
    public typealias Diagnostic = RowDiagnostic

    /// Notices in report order.
    public var notices: [WarnNotice]
    /// Skipped rows with line numbers.
    public var diagnostics: [Diagnostic]

    /// A result from its parts.
    public init(notices: [WarnNotice], diagnostics: [Diagnostic]) {
        self.notices = notices
        self.diagnostics = diagnostics
    }

    /// The days the report speaks for: its earliest notice or received date through its latest.
    public var coverage: DaySpan? {
        let days = notices.flatMap { [$0.noticeDate, $0.receivedDate] }.compactMap { $0.flatMap(Day.init) }
        return days.min().flatMap { from in days.max().map { DaySpan(from, $0) } }
    }
}
