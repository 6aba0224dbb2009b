import FilingsModel
import Foundation

/// `filings who`: resolves a name to one company and gathers every name it is known by, with the
/// stored notices each has matched, the way `check` and the nightly job match them.
public struct IdentityFinder: Sendable {
    let context: FilingsContext

    public init(context: FilingsContext) {
        self.context = context
    }

    /// The identity of the company `name` means (a CIK, ticker, name or alias); `offline` resolves
    /// from stored names only, otherwise SEC's ticker maps are refreshed when a week old.
    public func identity(of name: String, offline: Bool) async throws -> CompanyIdentity {
        let lookup = CompanyLookup(context: context)
        let cik = try await offline ? lookup.stored(name).cik : lookup.refreshed(name, feed: try context.edgarFeed()).cik
        let names = try context.knownNames(cik: cik)
        let matcher = NoticeMatcher(names: names)
        let links = Dictionary(try context.store.links(cik: cik).map { ($0.record, $0) }) { first, _ in first }
        var own: [KnownName: [CompanyIdentity.Notice]] = [:]
        var linked: [CompanyIdentity.Notice] = []
        var contractors: [CompanyIdentity.Notice] = []
        // Each record goes to the name that matched it, to the contractors, or to the linked, as `check` sees it.
        func sort(_ match: NoticeMatch, _ record: String, _ notice: (String) -> CompanyIdentity.Notice) {
            switch match {
            case .match(let name): own[name, default: []].append(notice(name.reason))
            case .contractorAt(let name): contractors.append(notice("another employer at its site or under its name: \(name.name)"))
            case .none:
                if let link = links[record] { linked.append(notice(NoticeEvents.matchedAs(link))) }
            }
        }
        for warn in try context.store.warnNotices() {
            let date = warn.noticeDate ?? warn.receivedDate
            sort(matcher.match(warn.company, on: date), RecordLink.key(warn: warn)) { why in
                CompanyIdentity.Notice(
                    source: warn.source, sourceRef: warn.key, company: warn.company, date: date, employees: warn.employees, matchedAs: why)
            }
        }
        for erm in try context.store.ermEvents() {
            sort(matcher.match(erm.company, on: erm.announcementDate), RecordLink.key(erm: erm)) { why in
                CompanyIdentity.Notice(
                    source: .euErm, sourceRef: erm.id, company: erm.company, date: erm.announcementDate,
                    employees: erm.employmentChange.map(abs), matchedAs: why)
            }
        }
        let newest: (CompanyIdentity.Notice, CompanyIdentity.Notice) -> Bool = { ($0.date ?? "") > ($1.date ?? "") }
        let company = try context.store.company(cik: cik)?.name ?? names.first?.name ?? String(cik)
        return CompanyIdentity(
            cik: cik, company: company,
            names: names.map { CompanyIdentity.Name(name: $0, reason: $0.reason, notices: (own[$0] ?? []).sorted(by: newest)) },
            linked: linked.sorted(by: newest), contractors: contractors.sorted(by: newest))
    }
}
