import Foundation

/// Locates the real corpus (`../shared/data` beside the checkout) and this package's own fixtures.
enum SharedData {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures`, files written by this project, shared by the test targets.
    static let fixtures: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// The shared corpus: `$FILINGS_SHARED_DATA`, else the first `shared/data` beside the package root or an ancestor of it.
    static let root: URL? = {
        if let explicit = ProcessInfo.processInfo.environment["FILINGS_SHARED_DATA"] {
            return URL(fileURLWithPath: explicit)
        }
        var dir = packageRoot
        while dir.path != "/" {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("shared/data")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// A file of the corpus, or nil (with a visible note on stderr) when the corpus is absent.
    static func file(_ relative: String) -> URL? {
        guard let root else {
            noteMissing()
            return nil
        }
        let url = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Every regular file under a corpus folder, sorted; empty (with a note) when the corpus is absent.
    static func files(under relative: String) -> [URL] {
        guard let root else {
            noteMissing()
            return []
        }
        let base = root.appendingPathComponent(relative)
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    /// A fixture of this project.
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }

    /// True when the real corpus is present.
    static var isAvailable: Bool { root != nil }

    private static func noteMissing() {
        FileHandle.standardError.write(Data("note: ../shared/data not found; real-corpus checks skipped\n".utf8))
    }
}

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("filings-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
