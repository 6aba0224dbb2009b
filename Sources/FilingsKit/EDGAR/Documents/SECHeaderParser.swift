import FilingsModel
import Foundation

/// Reads the header of an EDGAR submission in any of its shapes.
///
/// Shapes: the full submission `.txt` (`KEY:<tab>value` lines inside `<SEC-HEADER>`, sometimes
/// wrapped in a `-----BEGIN PRIVACY-ENHANCED MESSAGE-----` block), the `-index-headers.html`
/// page (SGML `<TAG>value` inside an HTML comment), and the dissemination `.nc` file (SGML
/// tags, possibly all on one line). Both notations are turned into one stream of canonical
/// `(key, value)` pairs first, so the rest does not care which shape it read.
public enum SECHeaderParser {
    /// The header of `text`, or nil when it has no accession number, form or filing date.
    public static func parse(_ text: String) -> SECHeader? {
        let fields = self.fields(in: headerRegion(of: text))
        var accession: String?
        var form: String?
        var filedAsOf: String?
        var acceptedAt: String?
        var period: String?
        var rawItems: [String] = []
        var filers: [SECFiler] = []
        var role = "FILER"
        var pendingName: String?
        for (key, value) in fields {
            switch key {
            case "ACCESSION NUMBER": accession = accession ?? value
            case "CONFORMED SUBMISSION TYPE": form = form ?? value
            case "FILED AS OF DATE": filedAsOf = filedAsOf ?? isoDate(value)
            case "ACCEPTANCE-DATETIME": acceptedAt = acceptedAt ?? isoDateTime(value)
            case "CONFORMED PERIOD OF REPORT": period = period ?? isoDate(value)
            case "ITEMS", "ITEM INFORMATION":
                if !value.isEmpty { rawItems.append(value) }
            case "SECTION": role = value
            case "COMPANY CONFORMED NAME": pendingName = value
            case "CENTRAL INDEX KEY":
                if let name = pendingName, let cik = Int64(value) {
                    filers.append(SECFiler(cik: cik, name: name, role: role, formerNames: []))
                    pendingName = nil
                }
            case "FORMER CONFORMED NAME":
                if !filers.isEmpty { filers[filers.count - 1].formerNames.append(FormerName(name: value)) }
            case "DATE OF NAME CHANGE":
                if let last = filers.indices.last, let former = filers[last].formerNames.indices.last {
                    filers[last].formerNames[former].to = isoDate(value)
                }
            default: break
            }
        }
        guard let accession, let form, let filedAsOf else { return nil }
        let codes: [String]
        if EightKItems.isEightKFamily(form) {
            var seen = Set<String>()
            codes = rawItems.compactMap { EightKItems.code(forTitle: $0, filedAsOf: filedAsOf) }.filter { seen.insert($0).inserted }
        } else {
            codes = []
        }
        return SECHeader(
            accession: accession, form: form, filedAsOf: filedAsOf, acceptedAt: acceptedAt, period: period,
            itemCodes: codes, rawItems: rawItems, filers: filers)
    }

    /// SGML tag names and the `KEY:` spelling they stand for.
    static let sgmlKeys: [String: String] = [
        "ACCESSION-NUMBER": "ACCESSION NUMBER", "TYPE": "CONFORMED SUBMISSION TYPE",
        "FILING-DATE": "FILED AS OF DATE", "PERIOD": "CONFORMED PERIOD OF REPORT", "ITEMS": "ITEMS",
        "ACCEPTANCE-DATETIME": "ACCEPTANCE-DATETIME", "CONFORMED-NAME": "COMPANY CONFORMED NAME",
        "CIK": "CENTRAL INDEX KEY", "FORMER-CONFORMED-NAME": "FORMER CONFORMED NAME",
        "DATE-CHANGED": "DATE OF NAME CHANGE",
    ]

    /// Header sections that introduce a company or person, in either notation.
    static let sections: [String: String] = [
        "FILER": "FILER", "SUBJECT-COMPANY": "SUBJECT COMPANY", "SUBJECT COMPANY": "SUBJECT COMPANY",
        "REPORTING-OWNER": "REPORTING-OWNER", "ISSUER": "ISSUER", "FILED-BY": "FILED BY", "FILED BY": "FILED BY",
        "DEPOSITOR": "DEPOSITOR", "SECURITIZER": "SECURITIZER", "ISSUING-ENTITY": "ISSUING ENTITY",
        "SERIAL-COMPANY": "SERIAL COMPANY",
    ]

    /// The part of `text` that is header: inside `<SEC-HEADER>` when present, else up to the first `<DOCUMENT>`.
    static func headerRegion(of text: String) -> Substring {
        if let open = text.range(of: "<SEC-HEADER>") {
            let close = text.range(of: "</SEC-HEADER>", range: open.upperBound..<text.endIndex)
            // The opening line (`<SEC-HEADER>0000...hdr.sgml : 2025...`) carries no field; start after it.
            let afterOpen = text[open.upperBound...].firstIndex(of: "\n").map { text.index(after: $0) } ?? open.upperBound
            return text[afterOpen..<(close?.lowerBound ?? text.endIndex)]
        }
        if let document = text.range(of: "<DOCUMENT>") {
            return text[..<document.lowerBound]
        }
        return text[...]
    }

    /// The header's fields as canonical `(key, value)` pairs in document order.
    static func fields(in region: Substring) -> [(String, String)] {
        var result: [(String, String)] = []
        for rawLine in region.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<") {
                result.append(contentsOf: sgmlFields(in: line))
            } else if let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty, key == key.uppercased(), key.first?.isLetter == true else { continue }
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.isEmpty, let section = sections[key] {
                    result.append(("SECTION", section))
                } else if key == "OWNER DATA" || key == "COMPANY DATA" {
                    continue
                } else {
                    result.append((key, value))
                }
            }
        }
        return result
    }

    /// The canonical pairs of one SGML line; several tags may share it.
    static func sgmlFields(in line: String) -> [(String, String)] {
        rawSGMLFields(in: line[...]).compactMap { tag, value in
            if let section = sections[tag] { return ("SECTION", section) }
            return sgmlKeys[tag].map { ($0, value) }
        }
    }

    /// Every `<TAG>value` pair of `text` with the tag as written, one or several per line.
    static func rawSGMLFields(in text: Substring) -> [(String, String)] {
        var result: [(String, String)] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var rest = line[...]
            while let open = rest.firstIndex(of: "<") {
                guard let close = rest[open...].firstIndex(of: ">") else { break }
                let tag = rest[rest.index(after: open)..<close]
                let valueEnd = rest[rest.index(after: close)...].firstIndex(of: "<") ?? rest.endIndex
                let value = rest[rest.index(after: close)..<valueEnd].trimmingCharacters(in: .whitespaces)
                rest = rest[valueEnd...]
                if !tag.hasPrefix("/") { result.append((String(tag), value)) }
            }
        }
        return result
    }

    /// `20251219` -> `2025-12-19`; anything else is returned trimmed.
    static func isoDate(_ value: String) -> String {
        let digits = value.prefix(8)
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return value }
        return "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))"
    }

    /// `20251219170037` -> `2025-12-19T17:00:37` (Eastern time, as EDGAR gives it).
    static func isoDateTime(_ value: String) -> String {
        guard value.count == 14, value.allSatisfy(\.isNumber) else { return value }
        let time = value.dropFirst(8)
        return "\(isoDate(value))T\(time.prefix(2)):\(time.dropFirst(2).prefix(2)):\(time.suffix(2))"
    }
}
