import FilingsFormats
import Foundation

/// The documents a filing's `-index.htm` page lists: sequence, description, file name and type.
public struct FilingIndexPage: Sendable, Equatable {
    /// One row of the page's document tables.
    public struct Document: Sendable, Equatable {
        /// The description EDGAR shows ("SUBSIDIARIES OF THE REGISTRANT"), often empty.
        public var description: String
        /// The file name in the filing's folder ("meta-12312024xexhibit21.htm").
        public var fileName: String
        /// The document type ("10-K", "EX-21.1", "GRAPHIC").
        public var type: String
    }

    /// Every document row, in page order.
    public var documents: [Document]

    /// Reads the page's tables by their header ("Description", "Document", "Type"), not by position.
    public static func parse(_ html: String) -> FilingIndexPage {
        var documents: [Document] = []
        for table in HTMLTable.tables(html) {
            guard let header = table.first?.map({ $0.lowercased() }),
                let document = header.firstIndex(of: "document"), let type = header.firstIndex(of: "type")
            else { continue }
            let description = header.firstIndex(of: "description")
            for row in table.dropFirst() where row.count > max(document, type) {
                // The cell reads "meta-20251219.htm iXBRL": the file name is its first word.
                guard let fileName = row[document].split(separator: " ").first.map(String.init), fileName.contains(".") else { continue }
                documents.append(
                    Document(description: description.map { row.count > $0 ? row[$0] : "" } ?? "", fileName: fileName, type: row[type]))
            }
        }
        return FilingIndexPage(documents: documents)
    }

    /// The filing's list of subsidiaries (Exhibit 21), when it has one.
    public var exhibit21: Document? {
        documents.first { $0.type.uppercased().hasPrefix("EX-21") }
    }
}
