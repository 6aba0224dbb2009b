import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs a SAX delegate over one XML part of a workbook, refusing DTDs and entity declarations.
enum XlsxXML {
    static func parse(_ data: Data, path: String, source: String, delegate: XMLParserDelegate) throws {
        if declaresDocumentType(data) {
            throw XlsxError.forbiddenDeclaration(source: source, path: path)
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        // swift-corelibs-foundation can return true from parse() yet record an error (mismatched tags).
        let succeeded = parser.parse()
        if !succeeded || parser.parserError != nil {
            let message = parser.parserError.map { String(describing: $0) } ?? "unknown error"
            throw XlsxError.malformedXML(source: source, path: path, line: parser.lineNumber, message: message)
        }
    }

    /// True when the bytes contain `<!DOCTYPE` or `<!ENTITY` (any case): workbook parts never do.
    static func declaresDocumentType(_ data: Data) -> Bool {
        let needles: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { return false }
        for index in 0..<(bytes.count - 7) where bytes[index] == 0x3C && bytes[index + 1] == 0x21 {
            for needle in needles where index + needle.count <= bytes.count {
                var matches = true
                for offset in 2..<needle.count where bytes[index + offset] & 0xDF != needle[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
        }
        return false
    }

    /// The local part of a possibly prefixed element or attribute name (`x:row` -> `row`).
    static func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }
}
