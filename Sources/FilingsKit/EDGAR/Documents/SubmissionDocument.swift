import FilingsFormats
import Foundation

/// One `<DOCUMENT>` of a full EDGAR submission: the 8-K itself, an exhibit, an XBRL file.
public struct SubmissionDocument: Sendable, Equatable {
    /// The document type: `8-K`, `EX-99.1`, `EX-101.SCH`, ...
    public var type: String
    /// The position in the submission, 1 for the primary document.
    public var sequence: Int?
    /// The file name inside the filing folder.
    public var filename: String?
    /// The filer's description, when given.
    public var description: String?
    /// The raw content between `<TEXT>` and `</TEXT>`.
    public var text: String

    /// Creates a document.
    public init(type: String, sequence: Int?, filename: String?, description: String?, text: String) {
        self.type = type
        self.sequence = sequence
        self.filename = filename
        self.description = description
        self.text = text
    }

    /// True when the content is HTML (or inline XBRL) rather than plain text.
    public var isHTML: Bool {
        if let filename, filename.lowercased().hasSuffix(".htm") || filename.lowercased().hasSuffix(".html") { return true }
        // Plain-text filings carry SGML markers too (`<PAGE>`, `<TABLE>`, `<S>`, `<C>`), so only real HTML tags count.
        let head = text.prefix(4_000).lowercased()
        return ["<html", "<body", "<p>", "<p ", "<div", "<font", "<br"].contains { head.contains($0) }
    }

    /// True for press releases and other EX-99 exhibits.
    public var isPressReleaseExhibit: Bool { type.uppercased().hasPrefix("EX-99") }

    /// The readable text: HTML rendered by `HTMLText`, plain text with SGML page markers removed.
    public var plainText: String {
        if isHTML { return HTMLText.plainText(text) }
        return SubmissionDocuments.plainTextOfTextDocument(text)
    }
}
