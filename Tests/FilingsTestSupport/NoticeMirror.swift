import FilingsKit
import FilingsModel
import Foundation

/// Loopback copies of the EDD WARN page with a small workbook of our own, and of Eurofound's ERM export,
/// added to an `EDGARMirror`'s server and feeds directory.
enum NoticeMirror {
    static let pagePath = "/jobs_and_training/Layoff_Services_WARN/"
    static let workbookPath = "/siteassets/files/jobs_and_training/warn/warn_report.xlsx"
    static let exportPath = "/restructuring-events/factsheetscsv"

    /// One site row of the test workbook.
    struct Row {
        var county: String
        var notice: String
        var processed: String
        var effective: String
        var company: String
        var layoffOrClosure: String
        var employees: Int
        var address: String
    }

    static let rows = [
        Row(county: "San Mateo", notice: "2025-09-15", processed: "2025-09-16", effective: "2025-11-14", company: "Meta Platforms, Inc.", layoffOrClosure: "Layoff Permanent", employees: 120, address: "1 Hacker Way, Menlo Park, CA 94025"),
        Row(county: "Santa Clara", notice: "2025-09-15", processed: "2025-09-16", effective: "2025-11-14", company: "Meta Platforms, Inc.", layoffOrClosure: "Layoff Permanent", employees: 45, address: "190 Jefferson Dr, Sunnyvale, CA 94089"),
        Row(county: "San Mateo", notice: "2025-09-20", processed: "2025-09-22", effective: "2025-11-20", company: "Aramark at Facebook", layoffOrClosure: "Layoff Permanent", employees: 60, address: "1 Hacker Way, Menlo Park, CA 94025"),
        Row(county: "Los Angeles", notice: "2025-10-02", processed: "2025-10-03", effective: "2025-12-01", company: "Metal Works Inc", layoffOrClosure: "Closure Permanent", employees: 80, address: "12 Industrial Rd, Vernon, CA 90058"),
        Row(county: "Alameda", notice: "2025-07-01", processed: "2025-07-02", effective: "2025-08-30", company: "Tesla, Inc.", layoffOrClosure: "Layoff Temporary", employees: 90, address: "45500 Fremont Blvd, Fremont, CA 94538"),
    ]

    static let export = """
        \u{FEFF}Id,Announcement date,Country,Company,Sector,Restructuring type,Employment Change
        210001,2025-08-05,Ireland,Meta Platforms Ireland,Information and communication,Internal restructuring,-120
        210002,2025-10-09,Germany,Metallwerk GmbH,Manufacturing,Closure,-300
        210003,2025-06-03,European Union,Siemens,Manufacturing,Business expansion,+500

        """

    /// Routes the EDD page, the workbook (built from `rows`) and the ERM export, and writes their feed files.
    static func start(on mirror: EDGARMirror, rows: [Row] = rows) async throws {
        let base = mirror.server.baseURL.absoluteString
        await mirror.server.route(pagePath, .html("<html><body><a href=\"\(workbookPath)\">WARN Report (xlsx)</a> <a href=\"/about.pdf\">About</a></body></html>"))
        await mirror.server.route(workbookPath, .ok(try workbook(rows), headers: ["ETag": "\"wb1\""]))
        await mirror.server.route(exportPath, .ok(export, headers: ["Content-Type": "text/csv; charset=utf-8"]))
        let warn = FeedDefinition(id: "ca-warn", kind: .californiaWarn, title: "California EDD WARN notices", sec: false, urls: ["page": base + pagePath], paths: [:])
        let erm = FeedDefinition(
            id: "eu-erm", kind: .eurofoundERM, title: "Eurofound European Restructuring Monitor", sec: false, urls: ["site": base + "/"],
            paths: ["export": "restructuring-events/factsheetscsv?date-from={from}&date-to={to}", "detail": "restructuring-events/detail/{id}"])
        try JSONEncoder().encode(warn).write(to: mirror.feedsDirectory.appendingPathComponent("ca-warn.json"))
        try JSONEncoder().encode(erm).write(to: mirror.feedsDirectory.appendingPathComponent("eu-erm.json"))
    }

    /// A workbook laid out like EDD's: title rows, the header on row 4, one row per site, then "Report Summary".
    static func workbook(_ rows: [Row]) throws -> Data {
        func text(_ ref: String, _ value: String) -> String {
            "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(value.replacingOccurrences(of: "&", with: "&amp;"))</t></is></c>"
        }
        func number(_ ref: String, _ value: Int) -> String { "<c r=\"\(ref)\"><v>\(value)</v></c>" }
        func serial(_ iso: String) -> Int {
            Int(((Day(iso)?.start.timeIntervalSince1970 ?? 0) / 86_400).rounded()) + 25_569
        }
        let headers = ["County/Parish", "Notice\nDate", "Processed\nDate", "Effective \nDate", "Company", "Layoff/\nClosure", "No. Of\nEmployees", "Address", "Related Industry"]
        var xml = "<sheetData>"
        xml += "<row r=\"1\">\(text("A1", "Detailed WARN Report"))</row>"
        xml += "<row r=\"2\">\(text("A2", "Report Date: 11/20/2025"))</row>"
        xml += "<row r=\"4\">" + headers.enumerated().map { text("\(Character(UnicodeScalar(65 + $0.offset) ?? "A"))4", $0.element) }.joined() + "</row>"
        for (index, row) in rows.enumerated() {
            let r = index + 5
            xml += "<row r=\"\(r)\">" + text("A\(r)", row.county) + number("B\(r)", serial(row.notice)) + number("C\(r)", serial(row.processed))
                + number("D\(r)", serial(row.effective)) + text("E\(r)", row.company) + text("F\(r)", row.layoffOrClosure)
                + number("G\(r)", row.employees) + text("H\(r)", row.address) + text("I\(r)", "Information") + "</row>"
        }
        let last = rows.count + 6
        xml += "<row r=\"\(last)\">\(text("A\(last)", "Report Summary"))</row></sheetData>"
        return try XlsxTestArchive.workbook(sheets: [("Detailed WARN Report ", xml)], sharedStrings: nil)
    }
}
