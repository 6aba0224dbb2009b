import Testing

extension Tag {
    /// Tests that read the real corpus in `../shared/data` (they skip with a note when it is absent).
    @Tag package static var corpus: Self
    /// Tests over generated, mutated or hostile inputs, and their regressions.
    @Tag package static var fuzz: Self
}
