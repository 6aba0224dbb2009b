import FilingsKit
import FilingsModel
import Foundation

/// Pages of EDGAR's latest-filings Atom feed, written the way EDGAR writes them (ISO-8859-1, one entry per filer).
enum FeedPages {
    /// One entry: `form - name (CIK) (role)`, linked under the filer's CIK.
    struct Entry {
        var form = "8-K"
        var name: String
        var cik: Int64
        var role = "Filer"
        var accession: String
        /// `2025-11-18T16:15:02-05:00`.
        var updated: String
    }

    /// A page holding `entries`, newest first.
    static func page(_ entries: [Entry], updated: String = "2025-11-18T16:20:00-05:00") -> Data {
        var text = """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>Latest Filings - Tue, 18 Nov 2025 16:20:00 EST</title>
            <link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>
            <link rel="self" href="/cgi-bin/browse-edgar?action=getcurrent"/>
            <id>https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent</id>
            <author><name>Webmaster</name><email>webmaster@sec.gov</email></author>
            <updated>\(updated)</updated>

            """
        for entry in entries {
            let digits = entry.accession.filter(\.isNumber)
            let name = entry.name.replacingOccurrences(of: "&", with: "&amp;")
            text += """
                <entry>
                <title>\(entry.form) - \(name) (\(String(format: "%010lld", entry.cik))) (\(entry.role))</title>
                <link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/\(entry.cik)/\(digits)/\(entry.accession)-index.htm"/>
                <summary type="html">
                 &lt;b&gt;Filed:&lt;/b&gt; \(entry.updated.prefix(10)) &lt;b&gt;AccNo:&lt;/b&gt; \(entry.accession) &lt;b&gt;Size:&lt;/b&gt; 12 KB
                </summary>
                <updated>\(entry.updated)</updated>
                <category scheme="https://www.sec.gov/" label="form type" term="\(entry.form)"/>
                <id>urn:tag:sec.gov,2008:accession-number=\(entry.accession)</id>
                </entry>

                """
        }
        text += "</feed>\n"
        return text.data(using: .isoLatin1) ?? Data(text.utf8)
    }

    /// `count` filler 8-K entries of unwatched companies, newest first, each a minute older, starting at `number`.
    static func fillers(_ count: Int, from number: Int = 1, hour: Int = 15) -> [Entry] {
        (0..<count).map { index in
            let n = number + index
            let minute = 59 - (index % 60)
            return Entry(
                name: "FILLER CO \(n)", cik: Int64(900_000 + n), accession: String(format: "0000900000-25-%06d", n),
                updated: String(format: "2025-11-18T%02d:%02d:00-05:00", hour - index / 60, minute))
        }
    }

    /// The server path and query of the page starting at `start`, as `follow` asks for it.
    static func target(feed: FeedDefinition, start: Int, count: Int = 40) throws -> String {
        let url = try Follower.pageURL(feed: feed, start: start, count: count)
        return url.path + "?" + (url.query ?? "")
    }

    /// Meta's Item 2.05 8-K of 2025-11-18, which the mirror serves.
    static let metaLayoff = Entry(
        name: "Meta Platforms, Inc.", cik: 1_326_801, accession: "0001628280-25-061001", updated: "2025-11-18T16:15:02-05:00")
}
