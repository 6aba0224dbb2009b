import Foundation

extension HTMLText {
    /// Decodes the HTML entities in a line of text such as a company name (`&amp;`, `&rsquo;`, `&#39;`),
    /// by the same table as `plainText`; an `&` that starts no entity stays as it is.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest.index(after: ampersand)
            // An entity is short and has no space, `&` or `<` before its `;`.
            let body = rest[after...].prefix(11).prefix { $0 != ";" && $0 != "&" && $0 != "<" && $0 != " " }
            let semicolon = body.endIndex
            if semicolon < rest.endIndex, rest[semicolon] == ";", !body.isEmpty, let decoded = entity(String(body)) {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[after...]
            }
        }
        return result + rest
    }
}
