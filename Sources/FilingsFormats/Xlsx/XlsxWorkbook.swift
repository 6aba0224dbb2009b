import Foundation

/// An xlsx workbook read from bytes: every worksheet with its cells and merges.
public struct XlsxWorkbook: Sendable, Equatable {
    /// Worksheets in workbook (tab) order.
    public let sheets: [XlsxSheet]

    /// A workbook from its sheets (tests and converters).
    public init(sheets: [XlsxSheet]) {
        self.sheets = sheets
    }

    /// Reads an xlsx file. `source` names the file or URL in error messages.
    ///
    /// Throws `XlsxError` for bytes that are not a zip, hostile archives (unsafe paths, zip bombs,
    /// DOCTYPE/ENTITY declarations) and missing or malformed parts.
    public init(data: Data, source: String, limits: XlsxLimits = .standard) throws {
        let package = try XlsxPackage(data: data, source: source, limits: limits)
        let workbookPath = try Self.workbookPath(in: package)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = workbookPath.split(separator: "/").last.map(String.init) ?? "workbook.xml"
        // The relationships of `xl/workbook.xml` live in `xl/_rels/workbook.xml.rels`.
        let relationshipsPath = Self.resolve("_rels/\(fileName).rels", folder: folder)

        let sheetList = XlsxListParser(element: "sheet")
        try XlsxXML.parse(try package.read(workbookPath), path: workbookPath, source: source, delegate: sheetList)
        var targets: [String: (target: String, type: String)] = [:]
        if package.contains(relationshipsPath) {
            let relationships = XlsxListParser(element: "Relationship")
            try XlsxXML.parse(try package.read(relationshipsPath), path: relationshipsPath, source: source, delegate: relationships)
            for item in relationships.items {
                if let id = item.attributes["Id"], let target = item.attributes["Target"] {
                    targets[id] = (Self.resolve(target, folder: folder), item.attributes["Type"] ?? "")
                }
            }
        }

        var sharedStrings: [String] = []
        let sharedPath = targets.values.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? Self.resolve("sharedStrings.xml", folder: folder)
        if package.contains(sharedPath) {
            let parser = XlsxSharedStringsParser()
            try XlsxXML.parse(try package.read(sharedPath), path: sharedPath, source: source, delegate: parser)
            sharedStrings = parser.strings
        }

        var sheets: [XlsxSheet] = []
        for (position, item) in sheetList.items.enumerated() {
            let name = item.attributes["name"] ?? "Sheet\(position + 1)"
            let path = item.attributes["id"].flatMap { targets[$0]?.target }
                ?? Self.resolve("worksheets/sheet\(position + 1).xml", folder: folder)
            guard package.contains(path) else {
                throw XlsxError.missingPart(source: source, path: path)
            }
            let parser = XlsxSheetParser(sharedStrings: sharedStrings, maxCellSlots: limits.maxCellSlots)
            let parsed = Result { try XlsxXML.parse(try package.read(path), path: path, source: source, delegate: parser) }
            if parser.exceededCellSlots {
                throw XlsxError.tooLarge(source: source, path: path, reason: "its cells span more than \(limits.maxCellSlots) positions")
            }
            try parsed.get()
            sheets.append(XlsxSheet(name: name, rows: parser.rows, merges: parser.merges))
        }
        self.sheets = sheets
    }

    /// The first sheet whose name, trimmed, equals `name` ignoring case.
    public func sheet(named name: String) -> XlsxSheet? {
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        return sheets.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    }

    /// The main document part named by `_rels/.rels`, else the conventional `xl/workbook.xml`.
    private static func workbookPath(in package: XlsxPackage) throws -> String {
        if package.contains("_rels/.rels") {
            let parser = XlsxListParser(element: "Relationship")
            try XlsxXML.parse(try package.read("_rels/.rels"), path: "_rels/.rels", source: package.source, delegate: parser)
            if let target = parser.items.first(where: { ($0.attributes["Type"] ?? "").hasSuffix("/officeDocument") })?.attributes["Target"] {
                let path = resolve(target, folder: "")
                if package.contains(path) { return path }
            }
        }
        guard package.contains("xl/workbook.xml") else {
            throw XlsxError.missingPart(source: package.source, path: "xl/workbook.xml")
        }
        return "xl/workbook.xml"
    }

    /// A relationship target resolved against the folder of the part that names it (`../x` and `/x` handled).
    static func resolve(_ target: String, folder: String) -> String {
        var components = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }
}
