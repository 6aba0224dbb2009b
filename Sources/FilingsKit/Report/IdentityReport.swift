import FilingsFormats
import FilingsModel
import Foundation

/// What `filings who` prints: every name a company is known by, and what each has matched.
public enum IdentityReport {
    /// How many notices are listed under one name; the JSON form lists all.
    static let shown = 8

    /// The names, their provenance and validity, and the notices each matched, newest first.
    public static func text(_ identity: CompanyIdentity) -> String {
        var lines = ["\(TextSanitizer.singleLine(identity.company)) (CIK \(identity.cik))", "  names it is known by:"]
        for entry in identity.names {
            let name = entry.name
            var validity = ""
            switch (name.from, name.to) {
            case (let from?, let to?): validity = ", \(from) to \(to)"
            case (let from?, nil): validity = name.basis == .subsidiary ? "" : ", since \(from)"
            case (nil, let to?): validity = ", until \(to)"
            case (nil, nil): break
            }
            let count = name.basis == .ticker ? "not matched in notices (a ticker is only a word there)" : notices(entry.notices.count)
            lines.append("    \(TextSanitizer.singleLine(name.name))  [\(name.basis.rawValue)\(validity)]  \(TextSanitizer.singleLine(name.provenance)): \(count)")
            lines += list(entry.notices)
        }
        if !identity.linked.isEmpty {
            lines.append("  linked as the one company of the notice's name (\(notices(identity.linked.count))):")
            lines += list(identity.linked)
        }
        if !identity.contractors.isEmpty {
            lines.append("  other employers at its sites or under its name, never its layoffs (\(notices(identity.contractors.count))):")
            lines += list(identity.contractors)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func notices(_ count: Int) -> String {
        "\(count) notice\(count == 1 ? "" : "s")"
    }

    private static func list(_ notices: [CompanyIdentity.Notice]) -> [String] {
        var lines = notices.prefix(shown).map { notice in
            let employees = notice.employees.map { ", \($0) employees" } ?? ""
            return "      \(notice.date ?? "undated")  \(notice.source.rawValue)  \(TextSanitizer.singleLine(notice.company))\(employees)"
        }
        if notices.count > shown { lines.append("      … and \(notices.count - shown) more (--json lists all)") }
        return lines
    }
}
