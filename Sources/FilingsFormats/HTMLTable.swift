import Foundation

/// The tables of an HTML page as rows of cell texts: what a state's WARN page shows as a grid.
public enum HTMLTable {
    /// Every `<table>` of `html`, each as its `<tr>` rows of `<th>`/`<td>` texts (tags stripped,
    /// entities decoded, whitespace collapsed). A table nested in a cell (a pager, a layout table)
    /// splits its outer table in two: the rows before it and the rows after it.
    public static func tables(_ html: String) -> [[[String]]] {
        let bytes = Array(html.utf8)
        var boundaries: [Int] = []
        var index = 0
        while let start = find("<table", in: bytes, from: index) {
            boundaries.append(start)
            index = start + 6
        }
        index = 0
        while let end = find("</table", in: bytes, from: index) {
            boundaries.append(end)
            index = end + 7
        }
        boundaries.sort()
        guard !boundaries.isEmpty else { return [] }
        boundaries.append(bytes.count)
        return zip(boundaries, boundaries.dropFirst()).map { rows(bytes, $0..<$1) }.filter { !$0.isEmpty }
    }

    private static func rows(_ bytes: [UInt8], _ range: Range<Int>) -> [[String]] {
        var rows: [[String]] = []
        var index = range.lowerBound
        while let start = find("<tr", in: bytes, from: index, before: range.upperBound) {
            let next = find("<tr", in: bytes, from: start + 3, before: range.upperBound) ?? range.upperBound
            let end = find("</tr", in: bytes, from: start + 3, before: next) ?? next
            var cells: [String] = []
            var cursor = start + 3
            while let cell = firstCell(bytes, from: cursor, before: end) {
                guard let open = bytes[cell..<end].firstIndex(of: UInt8(ascii: ">")) else { break }
                let close = firstCell(bytes, from: open + 1, before: end) ?? end
                let stop = find("</t", in: bytes, from: open + 1, before: close) ?? close
                let text = HTMLText.plainText(String(decoding: bytes[(open + 1)..<stop], as: UTF8.self))
                cells.append(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
                cursor = close
            }
            if !cells.isEmpty { rows.append(cells) }
            index = next
        }
        return rows
    }

    /// The next `<td` or `<th` (followed by a space or `>`).
    private static func firstCell(_ bytes: [UInt8], from: Int, before limit: Int) -> Int? {
        let td = find("<td", in: bytes, from: from, before: limit, tagEnd: true)
        let th = find("<th", in: bytes, from: from, before: limit, tagEnd: true)
        switch (td, th) {
        case (let a?, let b?): return min(a, b)
        case (let a?, nil): return a
        case (nil, let b?): return b
        default: return nil
        }
    }

    /// The index of `needle` (ASCII, matched case-insensitively) at or after `from` and before `limit`;
    /// with `tagEnd`, only where the next byte ends the tag's name.
    private static func find(_ needle: StaticString, in bytes: [UInt8], from: Int, before limit: Int? = nil, tagEnd: Bool = false) -> Int? {
        let pattern = needle.withUTF8Buffer { Array($0) }
        let limit = min(limit ?? bytes.count, bytes.count)
        guard pattern.count <= limit - from, from >= 0 else { return nil }
        var index = from
        while index + pattern.count <= limit {
            var matched = true
            for offset in 0..<pattern.count where lower(bytes[index + offset]) != pattern[offset] {
                matched = false
                break
            }
            if matched {
                let after = index + pattern.count
                if !tagEnd || after >= bytes.count || [UInt8(ascii: ">"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[after]) {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
