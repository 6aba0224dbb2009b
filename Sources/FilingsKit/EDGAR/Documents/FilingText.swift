import Foundation

/// Everything the text layer reads from one full 8-K submission: header, primary text, sections, exhibits.
///
/// Reading stops at the text: what the text means is `FilingClassifier`'s (Match), one layer up.
public struct FilingText: Sendable {
    /// The submission header, when the text has one.
    public var header: SECHeader?
    /// The primary document's plain text.
    public var primaryText: String
    /// The item sections of the primary document.
    public var sections: [ItemSection]
    /// Plain texts of the EX-99 exhibits.
    public var exhibits: [String]
    /// The item codes the filing declares: its header's, else those the caller knew (an index or submissions list).
    public var itemCodes: [String]

    /// Reads a full submission (`.txt`/`.nc`), or a lone primary document (HTML or text) when it has no `<DOCUMENT>`.
    public init(submission text: String, itemCodes fallbackCodes: [String] = []) {
        header = SECHeaderParser.parse(text)
        let documents = SubmissionDocuments.split(text)
        let primary = documents.first { EightKItems.isEightKFamily($0.type) } ?? documents.first
        if let primary {
            primaryText = primary.plainText
        } else {
            primaryText = SubmissionDocument(type: "8-K", sequence: 1, filename: nil, description: nil, text: text).plainText
        }
        sections = ItemSections.find(in: primaryText)
        exhibits = documents.filter(\.isPressReleaseExhibit).map(\.plainText)
        let codes = header?.itemCodes ?? []
        itemCodes = codes.isEmpty ? fallbackCodes : codes
    }
}
