import FilingsModel
import Foundation

/// The Form 8-K item list: modern codes ("5.02") since 2004-08-23, legacy items 1-12 before.
///
/// Legacy items are written `legacy-N` so they are never confused with modern codes
/// (legacy Item 5 "Other Events" is not 5.xx; legacy Item 6 was director resignations).
public enum EightKItems {
    /// The first filing date (ISO) on which the modern item list applies.
    public static let modernListStart = "2004-08-23"

    /// Modern codes and their EDGAR titles, including earlier spellings of the same item.
    public static let modernTitles: [(code: String, titles: [String])] = [
        ("1.01", ["Entry into a Material Definitive Agreement"]),
        ("1.02", ["Termination of a Material Definitive Agreement"]),
        ("1.03", ["Bankruptcy or Receivership"]),
        ("1.04", ["Mine Safety - Reporting of Shutdowns and Patterns of Violations"]),
        ("1.05", ["Material Cybersecurity Incidents"]),
        ("2.01", ["Completion of Acquisition or Disposition of Assets"]),
        ("2.02", ["Results of Operations and Financial Condition"]),
        ("2.03", ["Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant"]),
        ("2.04", ["Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement"]),
        ("2.05", ["Costs Associated with Exit or Disposal Activities", "Cost Associated with Exit or Disposal Activities"]),
        ("2.06", ["Material Impairments"]),
        ("3.01", ["Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing"]),
        ("3.02", ["Unregistered Sales of Equity Securities"]),
        ("3.03", ["Material Modification to Rights of Security Holders"]),
        ("4.01", ["Changes in Registrant's Certifying Accountant"]),
        ("4.02", ["Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review"]),
        ("5.01", ["Changes in Control of Registrant"]),
        ("5.02", [
            "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
            "Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers",
        ]),
        ("5.03", ["Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year"]),
        ("5.04", ["Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"]),
        ("5.05", ["Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"]),
        ("5.06", ["Change in Shell Company Status"]),
        ("5.07", ["Submission of Matters to a Vote of Security Holders"]),
        ("5.08", ["Shareholder Director Nominations"]),
        ("6.01", ["ABS Informational and Computational Material"]),
        ("6.02", ["Change of Servicer or Trustee"]),
        ("6.03", ["Change in Credit Enhancement or Other External Support"]),
        ("6.04", ["Failure to Make a Required Distribution"]),
        ("6.05", ["Securities Act Updating Disclosure"]),
        ("6.06", ["Static Pool"]),
        ("6.10", ["Alternative Filings of Asset-Backed Issuers"]),
        ("7.01", ["Regulation FD Disclosure"]),
        ("8.01", ["Other Events"]),
        ("9.01", ["Financial Statements and Exhibits"]),
    ]

    /// Legacy items 1-12 (8-Ks filed before 2004-08-23) and their titles.
    public static let legacyTitles: [(code: String, titles: [String])] = [
        ("legacy-1", ["Changes in Control of Registrant"]),
        ("legacy-2", ["Acquisition or Disposition of Assets"]),
        ("legacy-3", ["Bankruptcy or Receivership"]),
        ("legacy-4", ["Changes in Registrant's Certifying Accountant"]),
        ("legacy-5", ["Other Events", "Other Events and Regulation FD Disclosure"]),
        ("legacy-6", ["Resignations of Registrant's Directors", "Resignation of Registrant's Directors"]),
        ("legacy-7", ["Financial Statements and Exhibits", "Financial Statements, Pro Forma Financial Information and Exhibits"]),
        ("legacy-8", ["Change in Fiscal Year"]),
        ("legacy-9", ["Regulation FD Disclosure", "Sales of Equity Securities Pursuant to Regulation S"]),
        ("legacy-10", ["Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"]),
        ("legacy-11", ["Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"]),
        ("legacy-12", ["Results of Operations and Financial Condition"]),
    ]

    /// Every modern code.
    public static let modernCodes: Set<String> = Set(modernTitles.map(\.code))

    /// True for forms whose items are 8-K items (8-K, 8-K/A, 8-K12B, ...); Form D and ABS items mean other things.
    public static func isEightKFamily(_ form: String) -> Bool {
        form.uppercased().hasPrefix("8-K")
    }

    /// The code for an `ITEM INFORMATION:` value: a title, or a bare legacy number ("7"); nil when unknown or empty.
    /// `filedAsOf` (ISO) chooses the modern or the legacy list; titles like "Other Events" exist in both.
    public static func code(forTitle title: String, filedAsOf: String?) -> String? {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let isLegacy = filedAsOf.map { $0 < modernListStart } ?? false
        if let number = Int(trimmed), (1...12).contains(number) {
            return "legacy-\(number)"
        }
        let modern = trimmed.range(of: #"^\d{1,2}\.\d{2}$"#, options: .regularExpression) != nil
        if modern, modernCodes.contains(trimmed) { return trimmed }
        let words = normalizedWords(trimmed)
        let table = isLegacy ? legacyTitles : modernTitles
        if let exact = table.first(where: { entry in entry.titles.contains { normalizedWords($0) == words } }) {
            return exact.code
        }
        // EDGAR sometimes shortens or re-punctuates a title: accept a shared opening of four words or more.
        var best: (code: String, shared: Int)?
        for entry in table {
            for candidate in entry.titles {
                let shared = zip(normalizedWords(candidate), words).prefix { $0 == $1 }.count
                if shared >= min(4, words.count), shared > (best?.shared ?? 0) { best = (entry.code, shared) }
            }
        }
        return best?.code
    }

    /// The titles of a code (modern or `legacy-N`), empty when unknown.
    public static func titles(of code: String) -> [String] {
        (modernTitles + legacyTitles).first { $0.code == code }?.titles ?? []
    }

    /// Lowercased words without punctuation; "costs" and "cost" compare equal.
    static func normalizedWords(_ text: String) -> [String] {
        text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split { !($0.isLetter || $0.isNumber) }
            .map { $0 == "costs" ? "cost" : String($0) }
    }
}
