import Foundation
import Testing
@testable import FilingsKit
@testable import FilingsModel
@testable import FilingsTestSupport

/// Runs the classifier over every 8-K of the shared corpus and measures it against hand labels
/// (`Fixtures/documents/corpus-labels.csv`, written by reading each filing).
@Suite(.tags(.corpus)) struct CorpusClassificationTests {
    static let measuredKinds: [EventKind] = [.departure, .appointment, .compensation, .layoff]

    struct Label {
        var kinds: Set<EventKind>
        var person: String?
        /// Everyone the filing says departs, and everyone it says is appointed or elected.
        var departed: Set<String>
        var appointed: Set<String>
    }

    static func labels() throws -> [String: Label] {
        let text = String(decoding: try SharedData.fixture("documents/corpus-labels.csv"), as: UTF8.self)
        var result: [String: Label] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5 else { continue }
            let kinds = Set(fields[1].split(separator: ",").compactMap { EventKind(rawValue: String($0)) })
            func names(_ field: String) -> Set<String> { field == "-" ? [] : Set(field.split(separator: ";").map(String.init)) }
            result[fields[0]] = Label(
                kinds: kinds, person: fields[2] == "-" ? nil : fields[2], departed: names(fields[3]), appointed: names(fields[4]))
        }
        return result
    }

    /// The labelled files held apart from tuning (docs/people.md): counted in the figures, their differences never printed.
    static func heldApart() throws -> Set<String> {
        Set(try PeopleMeasurementTests.split().filter { $0.value == .heldApart }.keys)
    }

    /// Every 8-K file of the corpus: full submissions, `.nc` files and primary documents.
    static func corpusFiles() -> [URL] {
        (SharedData.files(under: "edgar/filings") + SharedData.files(under: "edgar/legacy_8k")
            + SharedData.files(under: "edgar/8k-more"))
            .filter { ["txt", "htm", "nc"].contains($0.pathExtension) && $0.lastPathComponent != "MANIFEST.txt" }
    }

    static func read(_ url: URL) throws -> FilingText {
        let data = try Data(contentsOf: url)
        let text = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
        return FilingText(submission: text)
    }

    @Test func everyCorpusFilingIsLabelledAndMeasured() throws {
        let files = Self.corpusFiles()
        guard !files.isEmpty else { return }
        let labels = try Self.labels()
        let heldApart = try Self.heldApart()
        var truePositives: [EventKind: Int] = [:]
        var falsePositives: [EventKind: Int] = [:]
        var falseNegatives: [EventKind: Int] = [:]
        var mismatches: [String] = []
        var personHits = 0
        var personTotal = 0
        for url in files {
            let label = try #require(labels[url.lastPathComponent], "no label for \(url.lastPathComponent)")
            let events = FilingClassifier.classify(try Self.read(url))
            let found = Set(events.map(\.kind))
            for kind in Self.measuredKinds {
                switch (found.contains(kind), label.kinds.contains(kind)) {
                case (true, true): truePositives[kind, default: 0] += 1
                case (true, false): falsePositives[kind, default: 0] += 1
                case (false, true): falseNegatives[kind, default: 0] += 1
                case (false, false): break
                }
            }
            let measuredFound = found.intersection(Self.measuredKinds)
            if measuredFound != label.kinds, !heldApart.contains(url.lastPathComponent) {
                mismatches.append("\(url.lastPathComponent): expected \(label.kinds.map(\.rawValue).sorted()) got \(measuredFound.map(\.rawValue).sorted())")
            }
            if let person = label.person {
                personTotal += 1
                if events.contains(where: { $0.person == person }) {
                    personHits += 1
                } else if !heldApart.contains(url.lastPathComponent) {
                    mismatches.append("\(url.lastPathComponent): person \(person) not named; got \(events.compactMap(\.person))")
                }
            }
        }
        var report = "8-K classification over \(files.count) corpus files (filing-level, per kind):\n"
        for kind in Self.measuredKinds {
            let tp = Double(truePositives[kind, default: 0])
            let precision = tp / max(1, tp + Double(falsePositives[kind, default: 0]))
            let recall = tp / max(1, tp + Double(falseNegatives[kind, default: 0]))
            report += "  \(kind.rawValue): precision \(String(format: "%.2f", precision)) recall \(String(format: "%.2f", recall))"
                + " (tp \(Int(tp)) fp \(falsePositives[kind, default: 0]) fn \(falseNegatives[kind, default: 0]))\n"
            #expect(precision >= 0.9, "\(kind.rawValue) precision \(precision)")
            #expect(recall >= 0.9, "\(kind.rawValue) recall \(recall)")
        }
        report += "  named person found: \(personHits)/\(personTotal)\n"
        report += mismatches.map { "  differs: \($0)\n" }.joined()
        FileHandle.standardError.write(Data(report.utf8))
        #expect(Double(personHits) >= 0.8 * Double(personTotal))
    }

    /// Event level: each (kind, person) the classifier reports against each one the labels list.
    @Test func departuresAndAppointmentsPerPerson() throws {
        let files = Self.corpusFiles()
        guard !files.isEmpty else { return }
        let labels = try Self.labels()
        let heldApart = try Self.heldApart()
        var report = "per-person events over \(files.count) corpus files:\n"
        for kind in [EventKind.departure, .appointment] {
            var truePositives = 0
            var reported = 0
            var expected = 0
            var wrong: [String] = []
            for url in files {
                guard let label = labels[url.lastPathComponent] else { continue }
                let want = kind == .departure ? label.departed : label.appointed
                let got = Set(FilingClassifier.classify(try Self.read(url)).filter { $0.kind == kind }.map { $0.person ?? "(\($0.role ?? "?"))" })
                truePositives += want.intersection(got).count
                reported += got.count
                expected += want.count
                guard !heldApart.contains(url.lastPathComponent) else { continue }
                for extra in got.subtracting(want) { wrong.append("\(url.lastPathComponent): extra \(extra)") }
                for missing in want.subtracting(got) { wrong.append("\(url.lastPathComponent): missed \(missing)") }
            }
            let precision = Double(truePositives) / Double(max(1, reported))
            let recall = Double(truePositives) / Double(max(1, expected))
            report += "  \(kind.rawValue): precision \(String(format: "%.2f", precision)) (\(truePositives)/\(reported)) recall \(String(format: "%.2f", recall)) (\(truePositives)/\(expected))\n"
                + wrong.map { "    \($0)\n" }.joined()
            #expect(precision >= 0.8, "\(kind.rawValue) per-person precision \(precision)")
            #expect(recall >= 0.8, "\(kind.rawValue) per-person recall \(recall)")
        }
        FileHandle.standardError.write(Data(report.utf8))
    }

    @Test func mustHaves() throws {
        func events(_ path: String) throws -> [ClassifiedEvent]? {
            guard let url = SharedData.file(path) else { return nil }
            return FilingClassifier.classify(try Self.read(url))
        }
        if let meta = try events("edgar/filings/0001628280-25-058337/0001628280-25-058337.txt") {
            let departure = try #require(meta.first { $0.kind == .departure })
            #expect(departure.person == "Dina Powell McCormick")
            #expect(departure.role == "director")
            #expect(departure.quote.contains("she will resign as a member of the Board"))
        }
        if let nvidia = try events("edgar/filings/0001045810-26-000024/0001045810-26-000024.txt") {
            #expect(nvidia.map(\.kind) == [.compensation])
        }
        if let blackRock = try events("edgar/filings/0001193125-23-048785/0001193125-23-048785.txt") {
            #expect(blackRock.contains { $0.kind == .departure && $0.person == "Gary S. Shedlin" && $0.role == "CFO" })
            #expect(blackRock.contains { $0.kind == .appointment && $0.person == "Martin Small" && $0.role == "CFO" })
        }
        if let nordstrom = try events("edgar/filings/0000072333-23-000015/0000072333-23-000015.txt") {
            #expect(nordstrom.map(\.kind) == [.compensation])
        }
        if let exelon = try events("edgar/filings/0000950137-05-004969/0000950137-05-004969.txt") {
            #expect(exelon.contains { $0.kind == .appointment && $0.person == "Thomas J. Ridge" && $0.effectiveDate == "2005-05-02" })
        }
        if let pericom = try events("edgar/legacy_8k/1001426_8K_2005_0001275287-05-000682.txt") {
            let layoff = try #require(pericom.first { $0.kind == .layoff })
            #expect(layoff.employees == 25)
            #expect(layoff.summary == "Workforce reduction of about 25 employees")
        }
        if let threeM = try events("edgar/filings/0000066740-24-000023/0000066740-24-000023.txt") {
            #expect(threeM.isEmpty)
        }
        if let apple = try events("edgar/filings/0001193125-19-292676/0001193125-19-292676.txt") {
            #expect(apple.isEmpty)
        }
        if let disney = try events("edgar/8k-more/edgar-crawler/raw/1001039_8K_2015_0001001039-15-000150.htm") {
            let departure = try #require(disney.first { $0.kind == .departure })
            #expect(departure.person == "James A. Rasulo")
            #expect(departure.effectiveDate == "2015-06-30")
        }
    }

    @Test func compensationOnlyFilingsAreNeverDepartures() throws {
        let labels = try Self.labels()
        for url in Self.corpusFiles() where labels[url.lastPathComponent]?.kinds == [.compensation] {
            let kinds = FilingClassifier.classify(try Self.read(url)).map(\.kind)
            #expect(!kinds.contains(.departure), "\(url.lastPathComponent)")
        }
    }
}
