import Foundation

/// Text of a PDF as poppler's `pdftotext -layout` renders it (columns kept as runs of spaces).
public enum PDFText {
    /// True when `%PDF-` appears within the first 1024 bytes, as the PDF specification allows.
    public static func looksLikePDF(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(1024))
        let magic = Array("%PDF-".utf8)
        guard head.count >= magic.count else { return false }
        return (0...(head.count - magic.count)).contains { Array(head[$0..<$0 + magic.count]) == magic }
    }

    /// Runs `pdftotext -layout -enc UTF-8 <copy> -` on the bytes (`pdftotext` found on `PATH`).
    ///
    /// Checks the magic bytes first: an HTML page saved under a `.pdf` name throws
    /// `PDFTextError.notAPDF` naming `source`, never an empty text.
    public static func extract(_ data: Data, source: String, executable: String = "pdftotext") throws -> String {
        guard looksLikePDF(data) else {
            let prefix = String(decoding: data.prefix(40), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            throw PDFTextError.notAPDF(source: source, prefix: prefix)
        }
        // The PDF goes through a temporary file, not stdin: a pdftotext that exits early (damaged
        // file, missing program) would otherwise make our write raise SIGPIPE and kill the process.
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("filings-\(UUID().uuidString).pdf")
        do {
            try data.write(to: input)
        } catch {
            throw PDFTextError.failed(source: source, reason: "cannot write a temporary copy: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "-layout", "-enc", "UTF-8", input.path, "-"]
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PDFTextError.failed(source: source, reason: "cannot start \(executable): \(error.localizedDescription)")
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = process.terminationStatus == 127 ? "\(executable) is not installed" : "exit status \(process.terminationStatus)"
            throw PDFTextError.failed(source: source, reason: reason)
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Why a PDF's text could not be had.
public enum PDFTextError: Error, Equatable, LocalizedError {
    /// The bytes are not a PDF (often an HTML error page saved under a `.pdf` name).
    case notAPDF(source: String, prefix: String)
    /// `pdftotext` could not be run or failed.
    case failed(source: String, reason: String)

    /// A sentence naming the file, what is wrong and what to do.
    public var errorDescription: String? {
        switch self {
        case let .notAPDF(source, prefix):
            "\(source) is not a PDF (it starts with \"\(prefix)\", not %PDF): the server sent an error page; check the link and download again."
        case let .failed(source, reason):
            "\(source): pdftotext failed (\(reason)); install poppler-utils (`apt-get install poppler-utils`) or check the file."
        }
    }
}
