import Foundation

/// One item of an 8-K as written in its text: "Item 5.02 Departure of ..." and what follows.
public struct ItemSection: Sendable, Equatable {
    /// The item code: `5.02`, or `legacy-5` for a pre-2004 "Item 5." heading.
    public var code: String
    /// The heading's title as written (may be empty when the heading has none).
    public var heading: String
    /// The section's text up to the next heading or the signatures.
    public var text: String

    /// Creates a section.
    public init(code: String, heading: String, text: String) {
        self.code = code
        self.heading = heading
        self.text = text
    }
}
