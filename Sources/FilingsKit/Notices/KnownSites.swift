import FilingsModel
import Foundation

/// The sites a company has filed WARN notices for under its own names, so a notice that matched
/// only by a weaker name (a brand, a subsidiary, a link) at one of them can say so. Read once per
/// company, and only when such a notice turns up.
final class KnownSites: @unchecked Sendable {
    private let context: FilingsContext
    private let cik: Int64
    private let names: [KnownName]
    // Filled on first use; this type lives for one raising or one check, on one task.
    private var sites: [String: (date: String, source: Source)]?

    init(context: FilingsContext, cik: Int64, names: [KnownName]) {
        self.context = context
        self.cik = cik
        self.names = names
    }

    /// "770 Broadway is also a site of its notice of 2023-04-19 (ny-warn)", when one of `notices`
    /// stands at a site the company named in an earlier notice under its own name.
    func note(for notices: [WarnNotice]) -> String? {
        let sites = (try? load()) ?? [:]
        let date = notices.compactMap { $0.noticeDate ?? $0.receivedDate }.min() ?? "9999"
        for notice in notices {
            guard let address = notice.address, let key = Self.key(address), let seen = sites[key], seen.date < date else { continue }
            return "\(address.split(separator: ",").first.map(String.init) ?? address) is also a site of its notice of \(seen.date) (\(seen.source.rawValue))"
        }
        return nil
    }

    private func load() throws -> [String: (date: String, source: Source)] {
        if let sites { return sites }
        // Its own names only: a brand or a subsidiary would prove the site by the site.
        let own = NoticeMatcher(names: names.filter { [.current, .former, .alias].contains($0.basis) })
        var found: [String: (date: String, source: Source)] = [:]
        for notice in try context.store.warnNotices() {
            guard let address = notice.address, let key = Self.key(address), let date = notice.noticeDate ?? notice.receivedDate,
                case .match = own.match(notice.company, on: date)
            else { continue }
            if let earlier = found[key], earlier.date <= date { continue }
            found[key] = (date, notice.source)
        }
        sites = found
        return found
    }

    /// The street part of an address, normalized: "770 Broadway New York, NY, 10003" → "770 broadway new york".
    static func key(_ address: String) -> String? {
        guard let street = address.split(separator: ",").first else { return nil }
        let words = street.lowercased().split { !$0.isLetter && !$0.isNumber }
        // A street needs a number and a name; "New York County" alone is no site.
        guard words.count >= 2, words.first?.allSatisfy(\.isNumber) == true else { return nil }
        return words.joined(separator: " ")
    }
}
