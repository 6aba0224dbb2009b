import FilingsFormats
/// What one parse of an ERM export produced: events plus the rows it had to skip.
public struct ERMParseResult: Sendable, Equatable {
    /// A skipped row and why.
    public typealias Diagnostic = RowDiagnostic

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
