/// The version `filings --version` prints, raised with each release of the command-line contract.
public enum FilingsVersion {
    /// Semantic version: the minor number moves with new commands, sources or JSON fields.
    public static let current = "0.9.0"
}
