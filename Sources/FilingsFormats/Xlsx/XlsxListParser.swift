import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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
