import FilingsKit
import FilingsModel
import Foundation

/// Two shipped state feeds served from loopback for the binary: Washington's grid page (`wa-warn`,
/// one HTML table) and Ohio's page of yearly CSV links (`oh-warn`), in a feeds directory of their own.
struct StateFeedMirror {
    let server: LoopbackServer
    let feedsDirectory: URL

    static let waPath = "/esd/file/WARN/Public/SearchWARN.aspx"
    static let ohPage = "/oh/current-public-notices"

    static func ohFile(_ year: Int) -> String { "/oh/dam/warn-\(year).csv" }

    /// Writes `wa-warn.json` and `oh-warn.json`, copied from `Feeds/` with their addresses on `server`.
    static func start(on server: LoopbackServer) throws -> StateFeedMirror {
        let dir = try temporaryDirectory().appendingPathComponent("Feeds")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let shipped = try FeedCatalog(directory: SharedData.packageRoot.appendingPathComponent("Feeds").path)
        var wa = try shipped.feed(id: "wa-warn")
        wa.urls["data"] = server.url(waPath).absoluteString
        var oh = try shipped.feed(id: "oh-warn")
        oh.urls["page"] = server.url(ohPage).absoluteString
        for feed in [wa, oh] {
            try JSONEncoder().encode(feed).write(to: dir.appendingPathComponent("\(feed.id).json"))
        }
        return StateFeedMirror(server: server, feedsDirectory: dir)
    }

    /// Washington's grid with `rows` notices (none: the header alone, as a bot wall's empty table).
    static func waPage(rows: Int) -> String {
        let body = (0..<rows).map { row in
            "<tr><td>Shrinking Test Co \(row) Inc</td><td>Tacoma</td><td>12/22/2025</td><td>\(60 + row)</td><td>Layoff</td><td>Permanent</td><td>10/\(1 + row % 28)/2025</td></tr>"
        }.joined(separator: "\n")
        return """
            <html><body><table id="ucPSW_gvMain">
            <tr><th scope="col">Company</th><th scope="col">Location</th><th scope="col">Layoff Start Date</th><th scope="col"># of Workers</th><th scope="col">Closure Layoff</th><th scope="col">Type of Layoff</th><th scope="col">Received Date</th></tr>
            \(body)
            </table></body></html>
            """
    }

    /// Ohio's notices page linking the CSV of each of `years`.
    static func ohIndex(years: [Int]) -> String {
        "<html><body><ul>" + years.map { "<li><a href=\"\(ohFile($0))\">WARN \($0)</a></li>" }.joined() + "</ul></body></html>"
    }

    /// One of Ohio's yearly CSVs: `rows` notices, each company unique to the year.
    static func ohCSV(year: Int, rows: Int) -> Data {
        var text = "Company,Date Received,Layoff Date(s),Potential Number Affected,City/County,Notice ID\r\n"
        text.reserveCapacity(rows * 90)
        for row in 0..<rows {
            let month = 1 + row % 12, day = 1 + row % 28
            // Two-digit years, as Ohio writes them (12/23/20).
            text += "Ohio Test Company \(year)-\(row) LLC,\(month)/\(day)/\(year % 100),\(month)/\(day)/\((year + 1) % 100),\(50 + row % 200),Columbus/Franklin,\(year)-\(row)\r\n"
        }
        return Data(text.utf8)
    }

    /// Routes Ohio's page and a CSV of `rows` notices per year, each with an ETag (so a second
    /// night asks conditionally and gets 304).
    func routeOhio(years: [Int], rows: Int) async {
        let page = Self.ohIndex(years: years)
        await server.route(Self.ohPage, .ok(page, headers: ["Content-Type": "text/html", "ETag": "\"oh-page-\(years.count)\""]))
        for year in years {
            await server.route(Self.ohFile(year), .ok(Self.ohCSV(year: year, rows: rows), headers: ["ETag": "\"oh-\(year)-\(rows)\"", "Content-Type": "text/csv"]))
        }
    }

    /// The environment for running the binary against these feeds and `db`.
    func environment(db: URL) -> [String: String] {
        FaultBench.environment(db: db, feeds: feedsDirectory)
    }
}
