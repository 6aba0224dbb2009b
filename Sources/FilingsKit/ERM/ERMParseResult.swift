/// What one parse of an ERM export produced: events plus the rows it had to skip.
public struct ERMParseResult: Sendable, Equatable {
    /// A skipped record and why.
    public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
        /// Line where the record starts (the header is line 1).
        public var line: Int
        /// What was wrong with it.
        public var message: String

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Events in file order.
    public var events: [ERMEvent]
    /// Skipped records with line numbers.
    public var diagnostics: [Diagnostic]

    /// A result from its parts.
    public init(events: [ERMEvent], diagnostics: [Diagnostic]) {
        self.events = events
        self.diagnostics = diagnostics
    }
}
