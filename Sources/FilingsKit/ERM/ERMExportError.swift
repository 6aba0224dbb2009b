import Foundation

/// Why an ERM export could not be read at all.
public enum ERMExportError: Error, Equatable, LocalizedError {
    /// The body is an HTML page (error, login or maintenance page), not CSV.
    case htmlInsteadOfCSV(source: String)
    /// The bytes are not UTF-8 text.
    case notUTF8(source: String)
    /// The header lacks required columns.
    case missingColumns(source: String, missing: [String], header: [String])

    /// A sentence naming the file or URL, what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .htmlInsteadOfCSV(source):
            "\(source): received an HTML page instead of the ERM CSV export; the site may be down or the URL changed. Check it in a browser and retry later."
        case let .notUTF8(source):
            "\(source): the ERM export is not UTF-8 text; download it again from the factsheets CSV export."
        case let .missingColumns(source, missing, header):
            "\(source) line 1: the ERM export lacks the column(s) \(missing.joined(separator: ", ")) (header: \(header.joined(separator: ", "))); Eurofound may have changed the format."
        }
    }
}
