import FilingsFormats
import FilingsModel
import Foundation

/// Why a page of the latest-filings feed could not be read.
public enum CurrentFeedError: LocalizedError, Equatable {
    /// The body is not an Atom feed (an error page, a truncated or foreign document).
    case notAFeed(url: String, start: String)

    /// One line naming the page and what it held.
    public var errorDescription: String? {
        switch self {
        case .notAFeed(let url, let start):
            "\(url) is not an Atom feed (it begins \"\(start)\"); nothing was stored"
        }
    }
}

/// Reads a page of EDGAR's latest-filings Atom feed (`browse-edgar?action=getcurrent&output=atom`).
///
/// A small scanner over the text, not an XML library: the feed is flat and regular, and a service
/// that reads it every minute for weeks should hold no parser state between pages.
public enum CurrentFeedParser {
    /// Parses one page; entries that lack an accession, a CIK or a form are skipped and counted.
    public static func parse(_ data: Data, url: String = "the feed") throws -> CurrentFeedPage {
        let text = decode(data)
        guard let feedStart = text.range(of: "<feed"), text.range(of: "</feed>") != nil || text.range(of: "<entry>") != nil else {
            let start = text.prefix(60).replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            throw CurrentFeedError.notAFeed(url: url, start: String(start))
        }
        let body = text[feedStart.lowerBound...]
        var entries: [CurrentFeedEntry] = []
        var skipped: [String] = []
        var cursor = body.startIndex
        let head = body.range(of: "<entry>").map { body[..<$0.lowerBound] } ?? body
        let updated = element("updated", in: head).flatMap(date)
        while let open = body.range(of: "<entry>", range: cursor..<body.endIndex) {
            guard let close = body.range(of: "</entry>", range: open.upperBound..<body.endIndex) else {
                skipped.append("an entry is cut off at the end of the page")
                break
            }
            let chunk = body[open.upperBound..<close.lowerBound]
            switch entry(chunk) {
            case .success(let entry): entries.append(entry)
            case .failure(let problem): skipped.append(problem.reason)
            }
            cursor = close.upperBound
        }
        return CurrentFeedPage(updated: updated, entries: entries, skipped: skipped)
    }

    struct Problem: Error { var reason: String }

    /// One entry from the text between `<entry>` and `</entry>`.
    static func entry(_ chunk: Substring) -> Result<CurrentFeedEntry, Problem> {
        let title = element("title", in: chunk).map(unescape) ?? ""
        let id = element("id", in: chunk) ?? ""
        guard let accession = accession(id: id) ?? accession(summary: element("summary", in: chunk).map(unescape) ?? "") else {
            return .failure(Problem(reason: "an entry without an accession number (\(title.prefix(80)))"))
        }
        let link = attribute("href", ofFirst: "link", in: chunk).map(unescape) ?? ""
        let parts = titleParts(title)
        guard let cik = parts?.cik ?? cikFromLink(link) else {
            return .failure(Problem(reason: "entry \(accession) names no CIK (\(title.prefix(80)))"))
        }
        let form = attribute("term", ofFirst: "category", in: chunk).map(unescape) ?? parts?.form ?? ""
        guard !form.isEmpty else { return .failure(Problem(reason: "entry \(accession) names no form")) }
        guard let updated = element("updated", in: chunk).flatMap(date) else {
            return .failure(Problem(reason: "entry \(accession) has no readable time"))
        }
        let summary = element("summary", in: chunk).map(unescape) ?? ""
        let filed = filingDate(summary: summary) ?? isoDay(updated)
        return .success(
            CurrentFeedEntry(
                accession: accession, cik: cik, companyName: parts?.name ?? "", form: form, role: parts?.role ?? "",
                filingDate: filed, updated: updated, link: link))
    }

    /// `8-K - Meta Platforms, Inc. (0001326801) (Filer)`: form, name, CIK and role; names may hold parentheses.
    static func titleParts(_ title: String) -> (form: String, name: String, cik: Int64, role: String)? {
        guard let dash = title.range(of: " - ") else { return nil }
        let form = String(title[..<dash.lowerBound]).trimmingCharacters(in: .whitespaces)
        var rest = title[dash.upperBound...].trimmingCharacters(in: .whitespaces)[...]
        guard rest.hasSuffix(")"), let roleOpen = rest.lastIndex(of: "(") else { return nil }
        let role = String(rest[rest.index(after: roleOpen)..<rest.index(before: rest.endIndex)])
        rest = rest[..<roleOpen].trimmingCharacters(in: .whitespaces)[...]
        guard rest.hasSuffix(")"), let cikOpen = rest.lastIndex(of: "(") else { return nil }
        let digits = rest[rest.index(after: cikOpen)..<rest.index(before: rest.endIndex)]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let cik = Int64(digits), cik > 0 else { return nil }
        let name = rest[..<cikOpen].trimmingCharacters(in: .whitespaces)
        return (form, name, cik, role)
    }

    /// `urn:tag:sec.gov,2008:accession-number=0002063236-25-000004`.
    static func accession(id: String) -> String? {
        guard let marker = id.range(of: "accession-number=") else { return nil }
        return validAccession(String(id[marker.upperBound...]).trimmingCharacters(in: .whitespaces))
    }

    /// `<b>AccNo:</b> 0002063236-25-000004` in the summary.
    static func accession(summary: String) -> String? {
        guard let marker = summary.range(of: "AccNo:") else { return nil }
        let after = summary[marker.upperBound...].replacingOccurrences(of: "</b>", with: "").trimmingCharacters(in: .whitespaces)
        return validAccession(String(after.prefix(20)))
    }

    static func validAccession(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 10, parts[1].count == 2, parts[2].count == 6,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return text
    }

    /// The CIK in an archive link, `/Archives/edgar/data/1326801/...`.
    static func cikFromLink(_ link: String) -> Int64? {
        guard let marker = link.range(of: "/edgar/data/") else { return nil }
        let digits = link[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int64(digits).flatMap { $0 > 0 ? $0 : nil }
    }

    /// `<b>Filed:</b> 2025-12-12` in the summary.
    static func filingDate(summary: String) -> String? {
        guard let marker = summary.range(of: "Filed:") else { return nil }
        let after = summary[marker.upperBound...].replacingOccurrences(of: "</b>", with: "").trimmingCharacters(in: .whitespaces)
        let day = String(after.prefix(10))
        return day.count == 10 && day.utf8.enumerated().allSatisfy { i, b in i == 4 || i == 7 ? b == UInt8(ascii: "-") : (48...57).contains(b) }
            ? day : nil
    }

    /// The text of the first `<name ...>...</name>` in `text`.
    static func element(_ name: String, in text: Substring) -> String? {
        guard let open = text.range(of: "<\(name)"), let end = text.range(of: ">", range: open.upperBound..<text.endIndex) else { return nil }
        let next = text[open.upperBound]
        guard next == ">" || next == " " || next == "\t" || next == "\n" else { return nil }
        guard let close = text.range(of: "</\(name)>", range: end.upperBound..<text.endIndex) else { return nil }
        return text[end.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value of `attribute` on the first `<tag ...>` in `text`.
    static func attribute(_ attribute: String, ofFirst tag: String, in text: Substring) -> String? {
        guard let open = text.range(of: "<\(tag) "), let end = text.range(of: ">", range: open.upperBound..<text.endIndex) else { return nil }
        let inside = text[open.upperBound..<end.lowerBound]
        guard let key = inside.range(of: " \(attribute)=\"") ?? inside.range(of: "\(attribute)=\""),
            let quote = inside.range(of: "\"", range: key.upperBound..<inside.endIndex)
        else { return nil }
        return String(inside[key.upperBound..<quote.lowerBound])
    }

    /// XML's escapes (`&amp;`, `&lt;`, `&#39;` ...) to text.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return HTMLText.decodeEntities(text)
    }

    /// The page's bytes as text: the feed declares ISO-8859-1, but a UTF-8 page is read as UTF-8.
    static func decode(_ data: Data) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(data: data, encoding: .isoLatin1) ?? String(decoding: data, as: UTF8.self)
    }

    /// `2025-12-12T18:02:43-05:00`.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var offset = 0
        if bytes.count >= 25, bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), let h = number(20..<22), let m = number(23..<25) {
            offset = (h * 3600 + m * 60) * (bytes[19] == UInt8(ascii: "-") ? -1 : 1)
        }
        let days = daysFromCivil(year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The Eastern day of an instant, ISO.
    static func isoDay(_ date: Date) -> String {
        Day(date, in: .eastern).iso
    }
}
