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

/// Reads `<sheet name r:id>` from workbook.xml and `<Relationship Id Target>` from .rels parts.
final class XlsxListParser: NSObject, XMLParserDelegate {
    struct Item {
        var attributes: [String: String]
    }

    private let element: String
    private(set) var items: [Item] = []

    init(element: String) {
        self.element = element
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if XlsxXML.localName(elementName) == element {
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict {
                attributes[String(XlsxXML.localName(key))] = value
            }
            items.append(Item(attributes: attributes))
        }
    }
}

/// Reads sharedStrings.xml: one string per `<si>`, rich-text runs concatenated, phonetic runs skipped.
final class XlsxSharedStringsParser: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XlsxXML.localName(elementName) {
        case "si": current = ""
        case "t": inText = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XlsxXML.localName(elementName) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
