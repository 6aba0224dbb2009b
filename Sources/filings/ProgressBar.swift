import FilingsKit
import Foundation

/// A one-line progress bar on stderr, redrawn only when what it shows changes.
final class ProgressBar {
    private let enabled: Bool
    private var last = ""

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func draw(_ progress: BackfillProgress) {
        guard enabled else { return }
        let width = 30
        let filled = Int(progress.fraction * Double(width))
        let line = "\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: width - filled))] \(Int(progress.fraction * 100))% \(progress.quarter) (\(progress.position)/\(progress.count))"
        guard line != last else { return }
        last = line
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled && !last.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
