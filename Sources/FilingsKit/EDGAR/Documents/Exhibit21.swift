import FilingsFormats
import Foundation

/// Reads the subsidiaries a 10-K's Exhibit 21 lists: a table of name and jurisdiction, or lines of text.
public enum Exhibit21 {
    /// The subsidiary names in `html` (an HTML or plain-text exhibit), in order, each once.
    public static func subsidiaries(_ html: String) -> [String] {
        var names: [String] = []
        let tables = HTMLTable.tables(html)
        if tables.contains(where: { $0.count > 1 }) {
            for row in tables.joined() {
                // The name is the first cell with text; the jurisdiction follows it.
                if let cell = row.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { names.append(cell) }
            }
        } else {
            // A plain-text exhibit keeps its column spacing; an HTML one is reduced to lines.
            let text = html.contains("<") ? HTMLText.plainText(html) : html
            for line in text.split(whereSeparator: \.isNewline) {
                // "Instagram, LLC        Delaware" / "Instagram, LLC (Delaware)": the name is before the jurisdiction.
                var name = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: #"\t.*$|\s{3,}.*$|\s*\([^)]*\)\s*$"#, with: "", options: .regularExpression)
                name = name.replacingOccurrences(of: #"^\s*(?:[-•*·]|\d+\.)\s+"#, with: "", options: .regularExpression)
                names.append(name)
            }
        }
        var seen = Set<String>()
        return names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { name in
            isName(name) && seen.insert(CompanyName.normalize(name)).inserted
        }
    }

    /// Headers, titles and notes are not subsidiaries.
    private static func isName(_ text: String) -> Bool {
        guard text.count >= 2, text.count <= 160, text.contains(where: \.isLetter) else { return false }
        let lower = text.lowercased()
        let notNames = [
            "exhibit", "subsidiaries of", "list of subsidiaries", "name of subsidiary", "name of entity", "name", "subsidiary",
            "jurisdiction", "state or other jurisdiction", "country", "state of incorporation", "place of incorporation",
        ]
        if notNames.contains(where: { lower == $0 || lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") }) { return false }
        // A note under the list ("* Omitted pursuant to Item 601(b)(21)(ii)", "Pursuant to …").
        if lower.hasPrefix("*") || lower.hasPrefix("pursuant") || lower.hasPrefix("the registrant") || lower.hasPrefix("certain") { return false }
        return true
    }
}
