import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one worksheet part: rows, typed cells (shared/inline strings, numbers, booleans) and merges.
final class XlsxSheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    /// Most cell slots (gaps included) all rows may allocate: a far column reference such as
    /// `XFD1048576` on every row would otherwise turn a small part into gigabytes.
    private let maxCellSlots: Int
    private var cellSlots = 0
    /// True when parsing stopped because `maxCellSlots` was reached.
    private(set) var exceededCellSlots = false
    private(set) var rows: [XlsxRow] = []
    private(set) var merges: [XlsxRange] = []
    /// Cells whose reference, type or shared-string index could not be understood.
    private(set) var skippedCells = 0

    private var rowNumber = 0
    private var rowCells: [XlsxCell?] = []
    private var column = -1
    private var cellType = "n"
    private var cellValue: String?
    private var inlineText: String?
    private var textTarget: TextTarget = .none
    private var phoneticDepth = 0

    private enum TextTarget { case none, value, inline }

    init(sharedStrings: [String], maxCellSlots: Int = 50_000_000) {
        self.sharedStrings = sharedStrings
        self.maxCellSlots = maxCellSlots
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        switch XlsxXML.localName(elementName) {
        case "row":
            rowNumber = attributeDict["r"].flatMap(Int.init) ?? rowNumber + 1
            rowCells = []
            column = -1
        case "c":
            if let reference = attributeDict["r"] {
                if let parsed = XlsxCellReference(reference) {
                    column = parsed.column
                } else {
                    skippedCells += 1
                    column += 1
                }
            } else {
                column += 1
            }
            cellType = attributeDict["t"] ?? "n"
            cellValue = nil
            inlineText = nil
        case "v":
            cellValue = ""
            textTarget = .value
        case "is":
            inlineText = ""
        case "t":
            if inlineText != nil, phoneticDepth == 0 { textTarget = .inline }
        case "rPh":
            phoneticDepth += 1
        case "mergeCell":
            if let range = attributeDict["ref"].flatMap(XlsxRange.init) { merges.append(range) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XlsxXML.localName(elementName) {
        case "v", "t":
            textTarget = .none
        case "rPh":
            phoneticDepth -= 1
        case "c":
            storeCell()
            if cellSlots > maxCellSlots {
                exceededCellSlots = true
                parser.abortParsing()
            }
        case "row":
            if !rowCells.isEmpty { rows.append(XlsxRow(number: rowNumber, cells: rowCells)) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch textTarget {
        case .value: cellValue? += string
        case .inline: inlineText? += string
        case .none: break
        }
    }

    private func storeCell() {
        guard column >= 0, column < 16_384, let cell = makeCell() else { return }
        if rowCells.count <= column {
            cellSlots += column + 1 - rowCells.count
            rowCells.append(contentsOf: repeatElement(nil, count: column + 1 - rowCells.count))
        }
        rowCells[column] = cell
    }

    private func makeCell() -> XlsxCell? {
        switch cellType {
        case "s":
            guard let index = cellValue.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                  sharedStrings.indices.contains(index) else {
                if cellValue != nil { skippedCells += 1 }
                return nil
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            return (inlineText ?? cellValue).map(XlsxCell.text)
        case "str", "d":
            return cellValue.map(XlsxCell.text)
        case "b":
            return cellValue.map { .boolean($0.trimmingCharacters(in: .whitespaces) == "1") }
        case "e":
            return cellValue.map(XlsxCell.error)
        default:
            guard let raw = cellValue?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let number = Double(raw) else {
                skippedCells += 1
                return nil
            }
            return .number(number)
        }
    }
}
