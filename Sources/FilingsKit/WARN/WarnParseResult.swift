/// What one parse of a WARN report produced: notices plus the rows it had to skip.
public struct WarnParseResult: Sendable, Equatable {
    /// A row that was skipped, and why.
    public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
        /// Sheet row or text line number.
        public var line: Int
        /// What was wrong with it.
        public var message: String

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Notices in report order.
    public var notices: [WarnNotice]
    /// Skipped rows with line numbers.
    public var diagnostics: [Diagnostic]

    /// A result from its parts.
    public init(notices: [WarnNotice], diagnostics: [Diagnostic]) {
        self.notices = notices
        self.diagnostics = diagnostics
    }
}
