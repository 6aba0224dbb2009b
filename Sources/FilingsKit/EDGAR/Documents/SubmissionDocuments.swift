import Foundation

/// Splits a full EDGAR submission (`.txt` or `.nc`) into its documents.
public enum SubmissionDocuments {
    /// Document types that are always binary (uuencoded) and never read as text.
    static let binaryTypes: Set<String> = ["GRAPHIC", "ZIP", "PDF", "EXCEL", "XLSX", "JPG", "GIF", "PNG"]

    /// File extensions of binary (uuencoded) documents.
    static let binaryExtensions: Set<String> = ["jpg", "jpeg", "gif", "png", "pdf", "zip", "xlsx", "xls", "bmp", "tif"]

    /// The text documents of `fullText`, in order; uuencoded and binary documents (graphics, zips, PDFs) are skipped.
    public static func split(_ fullText: String) -> [SubmissionDocument] {
        var documents: [SubmissionDocument] = []
        var searchStart = fullText.startIndex
        while let open = fullText.range(of: "<DOCUMENT>", range: searchStart..<fullText.endIndex) {
            let close = fullText.range(of: "</DOCUMENT>", range: open.upperBound..<fullText.endIndex)
            let block = fullText[open.upperBound..<(close?.lowerBound ?? fullText.endIndex)]
            searchStart = close?.upperBound ?? fullText.endIndex
            if let document = document(from: block) { documents.append(document) }
        }
        return documents
    }

    /// One document from the text between `<DOCUMENT>` and `</DOCUMENT>`; nil when binary.
    static func document(from block: Substring) -> SubmissionDocument? {
        let textOpen = block.range(of: "<TEXT>")
        let preamble = block[..<(textOpen?.lowerBound ?? block.endIndex)]
        var type = ""
        var sequence: Int?
        var filename: String?
        var description: String?
        for (tag, value) in SECHeaderParser.rawSGMLFields(in: preamble) {
            switch tag {
            case "TYPE": type = value
            case "SEQUENCE": sequence = Int(value)
            case "FILENAME": filename = value
            case "DESCRIPTION": description = value.isEmpty ? nil : value
            default: break
            }
        }
        var text = ""
        if let textOpen {
            let textClose = block.range(of: "</TEXT>", options: .backwards, range: textOpen.upperBound..<block.endIndex)
            text = String(block[textOpen.upperBound..<(textClose?.lowerBound ?? block.endIndex)])
        }
        if binaryTypes.contains(type.uppercased()) { return nil }
        if let ext = filename?.split(separator: ".").last?.lowercased(), binaryExtensions.contains(ext) { return nil }
        if isUuencoded(text) { return nil }
        return SubmissionDocument(
            type: type, sequence: sequence, filename: filename, description: description,
            text: text.trimmingCharacters(in: .newlines))
    }

    /// True when the content starts with a uuencode `begin 644 name` line.
    static func isUuencoded(_ text: String) -> Bool {
        let head = text.prefix(300).trimmingCharacters(in: .whitespacesAndNewlines)
        return head.hasPrefix("begin ") && head.prefix(20).contains(where: \.isNumber)
    }

    /// Plain text of a non-HTML document: `<PAGE>` markers and `<S>`/`<C>` table tags dropped, lines trimmed.
    static func plainTextOfTextDocument(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var trimmed = line.drop { $0 == " " || $0 == "\t" }
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            let upper = trimmed.uppercased()
            if upper == "<PAGE>" || upper.hasPrefix("<PAGE>") && trimmed.count < 12 { continue }
            if ["<TABLE>", "</TABLE>", "<CAPTION>", "<S>", "<C>", "<FN>", "</FN>"].contains(upper) { continue }
            lines.append(trimmed)
        }
        // Keep paragraph breaks (one blank line) but no runs of them.
        var result: [Substring] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) {
            result.append(line)
        }
        return result.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}
