/// A row a parser skipped, and why: the one shape every report reader uses for its diagnostics.
public struct RowDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Sheet row, text line or record start (the header is line 1).
    public var line: Int
    /// What was wrong with it.
    public var message: String

    /// A diagnostic from its parts.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
