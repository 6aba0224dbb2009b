import FilingsKit
import FilingsModel
import Foundation

/// Events built for the report tests, including names a hostile filer could submit.
enum ReportSamples {
    /// Fri, 27 Nov 2026 05:50:00 +0000.
    static let generatedAt = Date(timeIntervalSince1970: 1_795_758_600)

    /// A company name carrying an OSC title escape, CR LF with a would-be header, NUL and a
    /// right-to-left override.
    static let hostileName = "Evil\u{1B}]0;pwned\u{07}Corp\r\nBcc: victim@example.com\u{0}\u{202E}gpj.exe"
    /// What ``hostileName`` must look like once made safe.
    static let hostileNameSafe = "EvilCorp Bcc: victim@example.comgpj.exe"

    static func event(
        _ company: String, cik: Int64?, _ kind: EventKind, _ source: Source, _ date: String,
        _ summary: String, _ strength: Strength, employees: Int? = nil, url: String? = nil, ref: String? = nil
    ) -> Event {
        Event(
            key: "\(source.rawValue):\(ref ?? date):\(kind.rawValue)", cik: cik, company: company, kind: kind,
            source: source, sourceRef: ref ?? "\(company)-\(date)", date: date, url: url, summary: summary,
            strength: strength, historical: false, employees: employees, createdAt: generatedAt)
    }

    static let metaLayoff = event(
        "Meta Platforms, Inc.", cik: 1_326_801, .layoff, .sec8k, "2022-11-09",
        "Item 7.01: Meta announces reduction of about 11,000 employees", .documentText, employees: 11_000,
        url: "https://www.sec.gov/Archives/edgar/data/1326801/000132680122000129/0001326801-22-000129-index.htm",
        ref: "0001326801-22-000129")
    static let metaDeparture = event(
        "Meta Platforms, Inc.", cik: 1_326_801, .departure, .sec8k, "2024-01-05",
        "Item 5.02(b): a director will not stand for re-election", .secItem,
        url: "https://www.sec.gov/Archives/edgar/data/1326801/000132680124000002/0001326801-24-000002-index.htm",
        ref: "0001326801-24-000002")
    /// A WARN row: no CIK, the state's spelling of the name.
    static let metaWarn = event(
        "META PLATFORMS INC", cik: nil, .layoff, .caWarn, "2024-01-10",
        "WARN: layoff at 1 Hacker Way, Menlo Park", .legalNotice, employees: 120,
        url: "https://edd.ca.gov/en/jobs_and_training/Layoff_Services_WARN", ref: "warn-meta-menlo-park")
    static let hostile = event(
        hostileName, cik: 999_999, .closure, .sec8k, "2024-03-01",
        "Closing\u{1B}[2J\u{1B}[31m site\r\nX-Injected: yes\u{9B}0m", .secItem, url: "https://example.com/x\r\ny",
        ref: "0000999999-24-000001")
    static let societeGenerale = event(
        "Société Générale", cik: nil, .restructuring, .euErm, "2023-06-01",
        "ERM: restructuring in France, 900 jobs", .media, employees: 900, ref: "erm-1234")
    static let japanese = event(
        "株式会社東芝", cik: nil, .restructuring, .euErm, "2023-05-12",
        "ERM: 株式会社 restructuring", .media, ref: "erm-5678")
}
