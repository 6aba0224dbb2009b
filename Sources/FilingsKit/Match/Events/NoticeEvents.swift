import FilingsModel
import Foundation

/// The match stage for WARN notices and ERM events: records in, events for watched companies out.
public enum NoticeEvents {
    /// One event per WARN letter (same company, notice and effective dates) that names the company, totalling its sites.
    /// A contractor's notice at the company's site becomes a clearly labelled `other` event, never a layoff of the company.
    /// A letter no name of the company's matches is still its own when one of its sites is in `linked`
    /// (the company's `RecordLink`s by record key); `siteNote` says when a weak match stands at a known site.
    public static func warnEvents(
        letters notices: [WarnNotice], company: String, cik: Int64?, matcher: NoticeMatcher, historicalBefore: String?, now: Date,
        reportURLs: [String: String] = [:], linked: [String: RecordLink] = [:], siteNote: ([WarnNotice]) -> String? = { _ in nil }
    ) -> [Event] {
        let letters = Dictionary(grouping: notices) { "\($0.source.rawValue):\(letterKey($0))" }
        return letters.values.compactMap { sites -> Event? in
            guard let first = sites.first else { return nil }
            let date = first.noticeDate ?? first.receivedDate ?? first.effectiveDate ?? ""
            let match = matcher.match(first.company, on: date.isEmpty ? nil : date)
            let link = sites.lazy.compactMap { linked[RecordLink.key(warn: $0)] }.first
            let contractor: Bool
            switch match {
            case .match: contractor = false
            case .contractorAt: contractor = true
            case .none:
                guard link != nil else { return nil }
                contractor = false
            }
            let total = sites.compactMap(\.employees).reduce(0, +)
            let places = Array(Set(sites.compactMap { $0.city ?? $0.county })).sorted()
            let kind: EventKind = contractor ? .other : (sites.contains { $0.kind == .closure } ? .closure : .layoff)
            var summary = contractor ? "contractor's WARN notice at \(company)'s site: \(first.company)" : "WARN notice: \(first.layoffOrClosure ?? kind.rawValue)"
            let state = USState.code(of: first.source).map(USState.name) ?? first.source.rawValue
            summary += ", \(total) employees at \(sites.count) \(state) site\(sites.count == 1 ? "" : "s")"
            if !places.isEmpty { summary += " (\(places.prefix(5).joined(separator: ", "))\(places.count > 5 ? ", …" : ""))" }
            if let effective = first.effectiveDate { summary += ", effective \(effective)" }
            return Event(
                key: "\(first.source.rawValue):\(cik.map(String.init) ?? CompanyName.normalize(company)):\(letterKey(first))",
                cik: cik, company: company, kind: kind, source: first.source, sourceRef: sites.map(\.key).sorted().joined(separator: ","),
                date: date, url: sites.lazy.compactMap { reportURLs[$0.key] }.first, summary: summary, strength: .legalNotice,
                historical: historicalBefore.map { date < $0 } ?? false, employees: total > 0 ? total : nil,
                quote: sites.compactMap(\.address).prefix(3).joined(separator: "; ").nilIfEmpty, matchedName: first.company,
                matchedAs: matchedAs(match: match, contractor: contractor, link: link, sites: sites, siteNote: siteNote), createdAt: now)
        }
    }

    /// Why a letter is the company's; a weaker match (a brand, a subsidiary, a link) at a site the
    /// company named in an earlier notice of its own says so, which makes it likelier.
    static func matchedAs(
        match: NoticeMatch, contractor: Bool, link: RecordLink?, sites: [WarnNotice], siteNote: ([WarnNotice]) -> String?
    ) -> String? {
        guard let why = match.name.map({ matchedAs($0, contractor: contractor) }) ?? link.map(matchedAs) else { return nil }
        let weak = contractor ? false : match.name.map { [.brand, .subsidiary].contains($0.basis) } ?? true
        guard weak, let note = siteNote(sites) else { return why }
        return "\(why); \(note)"
    }

    /// "brand (the ticker META is …): Meta": why the company's name a record matched counts.
    static func matchedAs(_ name: KnownName, contractor: Bool) -> String {
        (contractor ? "another employer at or under " : "") + "\(name.reason): \(name.name)"
    }

    /// "linked as the one company of this name, current name: Meta Platforms, Inc.": why a record no watched name matched is the company's.
    static func matchedAs(_ link: RecordLink) -> String {
        "linked as the one company of this name, \(link.reason)" + (link.name.map { ": \($0)" } ?? "")
    }

    /// The letter a WARN row belongs to: the same company, notice date and effective date. Not the
    /// received date: EDD changes it when it processes a revision, which amends the same letter.
    static func letterKey(_ notice: WarnNotice) -> String {
        letterKey(company: notice.company, noticeDate: notice.noticeDate, effectiveDate: notice.effectiveDate)
    }

    static func letterKey(company: String, noticeDate: String?, effectiveDate: String?) -> String {
        WarnNoticeKey.fnv1a64Hex([CompanyName.normalize(company), noticeDate ?? "", effectiveDate ?? ""].joined(separator: "|"))
    }

    /// One event per ERM report that names the company: job losses are layoffs, others restructurings; strength media.
    public static func ermEvents(
        _ events: [ERMEvent], company: String, cik: Int64?, matcher: NoticeMatcher, historicalBefore: String?, now: Date,
        linked: [String: RecordLink] = [:]
    ) -> [Event] {
        events.compactMap { erm in
            let why: String
            switch matcher.match(erm.company, on: erm.announcementDate) {
            case .match(let name): why = matchedAs(name, contractor: false)
            case .contractorAt, .none:
                guard let link = linked[RecordLink.key(erm: erm)] else { return nil }
                why = matchedAs(link)
            }
            let change = erm.employmentChange
            let kind: EventKind = erm.isJobLoss ? .layoff : .restructuring
            var summary = "media report (Eurofound ERM): \(erm.restructuringType ?? "restructuring") in \(erm.country)"
            if let change { summary += ", employment change \(change > 0 ? "+" : "")\(change)" }
            return Event(
                key: "\(Source.euErm.rawValue):\(erm.id)", cik: cik, company: company, kind: kind, source: .euErm, sourceRef: erm.id,
                date: erm.announcementDate, url: erm.url, summary: summary, strength: .media,
                historical: historicalBefore.map { erm.announcementDate < $0 } ?? false, employees: change.map(abs),
                matchedName: erm.company, matchedAs: why, createdAt: now)
        }
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
