import FilingsFormats
import FilingsModel
import Foundation

/// One company's part of a digest: its events, newest first.
public struct CompanyDigest: Sendable, Equatable {
    /// The name shown for the company (from its newest event, preferring one with a CIK), safe to print.
    public var company: String
    /// The company's Central Index Key, when its events carry one.
    public var cik: Int64?
    /// The company's events, newest first.
    public var events: [Event]

    /// Creates a group; `events` are kept in the order given.
    public init(company: String, cik: Int64?, events: [Event]) {
        self.company = company
        self.cik = cik
        self.events = events
    }

    /// The ISO date of the newest event.
    public var newestDate: String { events.first?.date ?? "" }

    /// Groups events by company, companies ordered by their newest event, events newest first.
    ///
    /// Events with a CIK are grouped by CIK. An event without one (a WARN or EU record matched
    /// by name) joins the CIK group whose events carry the same normalized name, when exactly
    /// one does; otherwise it is grouped with other events of that normalized name.
    public static func group(_ events: [Event]) -> [CompanyDigest] {
        var byKey: [String: [Event]] = [:]
        var ciksByName: [String: Set<Int64>] = [:]
        for event in events {
            guard let cik = event.cik else { continue }
            byKey["cik:\(cik)", default: []].append(event)
            ciksByName[nameKey(event.company), default: []].insert(cik)
        }
        for event in events where event.cik == nil {
            let name = nameKey(event.company)
            if let ciks = ciksByName[name], ciks.count == 1, let cik = ciks.first {
                byKey["cik:\(cik)", default: []].append(event)
            } else {
                byKey["name:\(name)", default: []].append(event)
            }
        }
        let groups = byKey.values.map { members -> CompanyDigest in
            let sorted = members.sorted(by: isNewer)
            // The name on the newest event with a CIK is EDGAR's; a WARN or EU spelling is the fallback.
            let named = sorted.first { $0.cik != nil } ?? sorted[0]
            let name = TextSanitizer.singleLine(named.company)
            return CompanyDigest(
                company: name.isEmpty ? "(unnamed company)" : name,
                cik: sorted.lazy.compactMap(\.cik).first,
                events: sorted)
        }
        return groups.sorted { lhs, rhs in
            if lhs.newestDate != rhs.newestDate { return lhs.newestDate > rhs.newestDate }
            let order = lhs.company.localizedStandardCompare(rhs.company)
            if order != .orderedSame { return order == .orderedAscending }
            return (lhs.cik ?? -1) < (rhs.cik ?? -1)
        }
    }

    /// The key that makes "Meta Platforms, Inc." and "META PLATFORMS INC" one company.
    static func nameKey(_ name: String) -> String {
        let normalized = CompanyName.normalize(name)
        return normalized.isEmpty ? TextSanitizer.singleLine(name).lowercased() : normalized
    }

    /// Newest first; ties broken by when the event was raised, then by record, so the order is stable.
    static func isNewer(_ lhs: Event, _ rhs: Event) -> Bool {
        if lhs.date != rhs.date { return lhs.date > rhs.date }
        if lhs.createdAt != rhs.createdAt { return lhs.createdAt > rhs.createdAt }
        if lhs.sourceRef != rhs.sourceRef { return lhs.sourceRef < rhs.sourceRef }
        return lhs.key < rhs.key
    }
}
