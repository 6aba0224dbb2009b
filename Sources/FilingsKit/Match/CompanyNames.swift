import FilingsModel
import Foundation

/// Every name a company is known by, each with where it came from and when it held: EDGAR's
/// current and former names, its tickers, its brand, the user's aliases and its subsidiaries.
public enum CompanyNames {
    /// The names of `company` (or, when EDGAR's record is not stored, of the watch), for matching and for `filings who`.
    public static func names(company: Company?, watch: Watch?, subsidiaries: [KnownName] = []) -> [KnownName] {
        var names: [KnownName] = []
        if let company {
            // The current name holds from the day the last former name ended.
            let renamed = company.formerNames.compactMap { $0.to.map { String($0.prefix(10)) } }.max()
            let edgar = provenance(company.source)
            names.append(KnownName(company.name, basis: .current, from: renamed, provenance: edgar))
            names += company.formerNames.map {
                KnownName($0.name, basis: .former, from: $0.from.map { String($0.prefix(10)) }, to: $0.to.map { String($0.prefix(10)) }, provenance: edgar)
            }
            names += company.tickers.map { KnownName($0, basis: .ticker, provenance: "SEC ticker map") }
            if let brand = brand(of: company) { names.append(KnownName(brand.name, basis: .brand, from: renamed, provenance: brand.why)) }
        } else if let watch {
            names.append(KnownName(watch.name, basis: .current, provenance: "the name watched"))
        }
        names += (watch?.aliases ?? []).map { KnownName($0, basis: .alias, provenance: "filings watch --alias") }
        names += subsidiaries
        return names
    }

    /// Where EDGAR's names of a company were read, said briefly: "EDGAR submissions", "SEC ticker map".
    static func provenance(_ source: String) -> String {
        if source.contains("company_tickers") { return "SEC ticker map" }
        if source.contains("submissions") || source.contains("/CIK") { return "EDGAR submissions" }
        let file = source.split(separator: "/").last.map(String.init) ?? source
        return file.isEmpty ? "EDGAR" : "EDGAR (\(file))"
    }

    /// The short name a company goes by, when its ticker says so: META and "Meta Platforms, Inc." give
    /// "Meta". Only then: a first word alone ("General", "United") is most often nobody's brand.
    static func brand(of company: Company) -> (name: String, why: String)? {
        let words = CompanyName.words(company.name)
        guard words.count >= 2, let first = words.first, first.count >= 3 else { return nil }
        guard let ticker = company.tickers.first(where: { $0.lowercased() == first }) else { return nil }
        // The brand as the company writes it ("Meta"), not as normalized.
        let written = company.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first.map(String.init) ?? first
        let name = written == written.uppercased() ? written.capitalized : written
        return (name, "the ticker \(ticker) is the first word of its name")
    }
}
