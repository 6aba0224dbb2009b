import FilingsFormats
import Foundation

/// Finds the report files linked from EDD's WARN page ("Layoff_Services_WARN.htm").
public enum EDDWarnPage {
    /// Absolute URLs of the WARN reports (`.xlsx`, `.pdf`) linked from `html`, in page order, without duplicates.
    ///
    /// A report link's file name contains `warn report` (with `-`, `_` or nothing between:
    /// `WARN_Report.xlsx`, `WARNReportfor7-1-2014...pdf`) or is one of the older listings
    /// (`WARN_Interim_...pdf`, `eddwarncn14.pdf`); forms such as `OptionalWARNForm.pdf` are not.
    /// Hrefs are trimmed first: EDD once published a link with a trailing space, which fetched an
    /// HTML error page instead of the report.
    public static func reportLinks(html: String, base: URL) -> [URL] {
        let pattern = #"href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        var links: [URL] = []
        var seen: Set<URL> = []
        let text = html as NSString
        for match in regex.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            guard let range = (1...3).map({ match.range(at: $0) }).first(where: { $0.location != NSNotFound }) else { continue }
            let href = HTMLText.decodeEntities(text.substring(with: range)).trimmingCharacters(in: .whitespacesAndNewlines)
            guard isReport(href), let url = resolve(href, base: base), seen.insert(url).inserted else { continue }
            links.append(url)
        }
        return links
    }

    /// True when the href's file name is a WARN report workbook or PDF.
    static func isReport(_ href: String) -> Bool {
        let path = href.split(separator: "?").first.map(String.init) ?? href
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        guard name.hasSuffix(".xlsx") || name.hasSuffix(".pdf") else { return false }
        return name.range(of: #"warn[-_ ]?report|warn[-_]interim|^eddwarncn"#, options: .regularExpression) != nil
    }

    private static func resolve(_ href: String, base: URL) -> URL? {
        let encoded = href.replacingOccurrences(of: " ", with: "%20")
        return URL(string: encoded, relativeTo: base)?.absoluteURL
    }
}
