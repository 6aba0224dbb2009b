import FilingsFormats
import Foundation

/// Any EDD WARN report file, recognised by its content rather than its name.
public enum CaliforniaWarnReport {
    /// Parses a workbook (`PK` zip signature) or a PDF (`%PDF`, through `pdftotext`).
    ///
    /// Anything else, typically an HTML error page saved under a report's name, throws an error
    /// naming `source`; it never yields an empty year.
    public static func parse(_ data: Data, source: String) throws -> WarnParseResult {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try CaliforniaWarnWorkbook.parse(data, source: source)
        }
        if PDFText.looksLikePDF(data) {
            return CaliforniaWarnPDF.parse(text: try PDFText.extract(data, source: source), source: source)
        }
        let prefix = String(decoding: data.prefix(40), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if source.lowercased().hasSuffix(".xlsx") {
            throw XlsxError.notAZipArchive(source: source, prefix: prefix)
        }
        throw WarnReportError.notAPDF(source: source, prefix: prefix)
    }
}
