import FilingsModel
import Foundation

/// Every company name on record, for finding the one company a notice's employer is, watched or not.
///
/// Precision over reach: a notice is linked only when its employer's name, with the site and region
/// a state appends removed ("Meta Platforms, Inc. (formerly Facebook, Inc.) - New York City Region"),
/// is exactly a name of one company that held it on the notice's date. Two companies of one name
/// link neither. A contractor's notice ("Aramark at Facebook") is linked to the contractor, if to anyone.
public struct CompanyDirectory: Sendable {
    private var byName: [String: [(cik: Int64, name: KnownName)]] = [:]

    /// A directory of `names` (cik, known name, normalized form).
    public init(names: [(cik: Int64, name: KnownName, normalized: String)]) {
        for entry in names where !entry.normalized.isEmpty && entry.name.basis != .ticker {
            byName[Self.key(entry.normalized), default: []].append((entry.cik, entry.name))
        }
    }

    /// Adds the brands of `companies` ("Meta" for META, "Meta Platforms, Inc.").
    public mutating func addBrands(of companies: [Company]) {
        for company in companies {
            for name in CompanyNames.names(company: company, watch: nil) where name.basis == .brand {
                byName[Self.key(CompanyName.normalize(name.name)), default: []].append((company.cik, name))
            }
        }
    }

    /// The company `employer` (a notice's company, as printed) is, on `date`, and why; or why none.
    public func link(_ employer: String, on date: String?) -> (cik: Int64?, name: KnownName?, reason: String) {
        let candidates = Self.cores(of: employer).lazy.compactMap { core -> [(cik: Int64, name: KnownName)]? in
            let held = (self.byName[core] ?? []).filter { $0.name.holds(on: date) && Self.existed(cik: $0.cik, on: date) }
            return held.isEmpty ? nil : held
        }.first
        guard let candidates else { return (nil, nil, "no company on record has this name") }
        let ciks = Set(candidates.map(\.cik))
        guard ciks.count == 1, let chosen = Self.strongest(candidates) else {
            return (nil, nil, "\(ciks.count) companies have this name (CIK \(ciks.sorted().map(String.init).joined(separator: ", ")))")
        }
        return (chosen.cik, chosen.name, chosen.name.reason)
    }

    /// False when the company's CIK was assigned years after `date`, so it cannot be the employer of a
    /// notice that old. EDGAR assigns CIKs in sequence, and a name is often reused by a successor
    /// ("Alcoa, Inc." of 2008 is CIK 4281, now Howmet; Alcoa Corp is CIK 1675149, of 2016): without
    /// the names' own dates (a company known only from the ticker map has none), this keeps the
    /// successor off its predecessor's notices. Each year is a year before the CIK was first used.
    static func existed(cik: Int64, on date: String?) -> Bool {
        guard let date, let year = Int(date.prefix(4)) else { return true }
        let firstYear = cikEras.last { cik >= $0.cik }?.year ?? 0
        return year >= firstYear
    }

    private static let cikEras: [(cik: Int64, year: Int)] = [
        (1_100_000, 1998), (1_200_000, 2001), (1_300_000, 2003), (1_400_000, 2006), (1_500_000, 2009),
        (1_600_000, 2013), (1_700_000, 2016), (1_800_000, 2019), (1_900_000, 2021), (2_000_000, 2023),
    ]

    /// The one name to give as the reason when a company matched by several: its own name first.
    private static func strongest(_ candidates: [(cik: Int64, name: KnownName)]) -> (cik: Int64, name: KnownName)? {
        let order: [KnownName.Basis] = [.current, .former, .alias, .subsidiary, .brand, .ticker]
        return candidates.min { (order.firstIndex(of: $0.name.basis) ?? 9) < (order.firstIndex(of: $1.name.basis) ?? 9) }
    }

    /// The normalized forms a notice's employer may be known by, most literal first: the whole name;
    /// the employer before " at ", " for ", " c/o " and " dba "; that without parentheses and a
    /// trailing " - Region".
    static func cores(of company: String) -> [String] {
        let text = WarnText.clean(company)
        var forms = [text]
        let employer = NoticeMatcher.splitDBA(NoticeMatcher.splitContractor(text).employer).first ?? text
        forms.append(employer)
        var core = employer.replacingOccurrences(of: #"\([^)]*\)?"#, with: " ", options: .regularExpression)
        // "- Walden Division", "Store #9597", "#2008-0452", "2008-0354": the site or the state's notice number.
        core = core.replacingOccurrences(of: #"\s+[-–]\s+.*$|\s+(?:store\s+)?#.*$|\s+\d{4}-w?\d+\s*$"#, with: "", options: [.regularExpression, .caseInsensitive])
        forms.append(core)
        var seen = Set<String>()
        return forms.map { key(CompanyName.normalize($0)) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// A normalized name as a key: "Wells Fargo & Company" normalizes to "wells fargo and" once its legal
    /// form is dropped, while a notice says "Wells Fargo"; the dangling "and" is not part of the name.
    static func key(_ normalized: String) -> String {
        normalized.hasSuffix(" and") ? String(normalized.dropLast(4)) : normalized
    }
}
