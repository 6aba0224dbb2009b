import FilingsFormats
import FilingsModel
import Foundation

/// Renders the digest of new events as text, JSON or a mail message. Pure: the caller picks
/// the events (undelivered, non-historical) and supplies the time.
public struct DigestRenderer: Sendable {
    /// When the digest is made; shown in the text and used as the mail's `Date`.
    public var generatedAt: Date
    /// The zone for the shown time and the mail's `Date` (UTC unless told otherwise).
    public var timeZone: TimeZone

    /// A renderer for a digest made at `generatedAt`.
    public init(generatedAt: Date, timeZone: TimeZone = .gmt) {
        self.generatedAt = generatedAt
        self.timeZone = timeZone
    }

    /// The digest for a terminal or a pipe: a headline, then each company and its events, one line each.
    public func text(_ events: [Event]) -> String {
        let groups = CompanyDigest.group(events)
        let stamp = generatedAt.formatted(Date.ISO8601FormatStyle(timeZone: timeZone))
        guard !groups.isEmpty else { return "filings digest (\(stamp)): no new events.\n" }
        var lines = [
            "filings digest (\(stamp)): \(Self.count(events.count, "new event")) at \(Self.count(groups.count, "company", plural: "companies"))"
        ]
        for group in groups {
            lines.append("")
            lines.append(group.cik.map { "\(group.company) (CIK \($0))" } ?? group.company)
            lines += group.events.flatMap { [Self.line($0)] + ($0.people ?? []).map(Self.personLine) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The digest as a JSON array of events (contract field names, sorted keys), grouped as in ``text(_:)``.
    public func json(_ events: [Event]) throws -> Data {
        Data(try Listing.json(CompanyDigest.group(events).flatMap(\.events).map(EventJSON.init)).utf8)
    }

    /// The digest as a mail message from `from` to every address in `to`.
    ///
    /// `messageIDDomain` goes to the right of `@` in the Message-ID (the host name, say); one
    /// that is not a plain domain is replaced by `filings.local`.
    public func mail(
        _ events: [Event], from: MailAddress, to: [MailAddress], messageIDDomain: String = "filings.local"
    ) throws(MailAddressError) -> MailMessage {
        guard !to.isEmpty else { throw .empty }
        let groups = CompanyDigest.group(events)
        let headers = [
            MailHeader.addresses("From", [from]),
            MailHeader.addresses("To", to),
            MailHeader.unstructured("Subject", subject(events.count, groups)),
            MailHeader.generated("Date", mailDate()),
            MailHeader.generated("Message-ID", "<\(UUID().uuidString.lowercased())@\(Self.domain(messageIDDomain))>"),
            MailHeader.generated("Auto-Submitted", "auto-generated"),
        ]
        let footer = "\n-- \nSent by filings from the public record (SEC EDGAR, California EDD, Eurofound).\nEach event is mailed once; `filings events` lists them all.\n"
        return MailMessage(headers: headers, body: text(events) + footer)
    }

    /// "filings: 3 new events for Meta Platforms and 1 other"; the first company is the one with the newest event.
    func subject(_ eventCount: Int, _ groups: [CompanyDigest]) -> String {
        guard let first = groups.first else { return "filings: no new events" }
        var name = first.company
        if name.count > 60 { name = String(name.prefix(59)) + "…" }
        let others = groups.count - 1
        let rest = others == 0 ? "" : " and \(Self.count(others, "other"))"
        return "filings: \(Self.count(eventCount, "new event")) for \(name)\(rest)"
    }

    /// The RFC 5322 date, e.g. `Fri, 27 Nov 2026 05:30:00 +0000`.
    func mailDate() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: generatedAt)
    }

    /// `  2024-01-10  layoff          legal-notice   summary | 1,200 employees | url`
    static func line(_ event: Event) -> String {
        let kind = event.kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
        let strength = event.strength.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
        var parts = [TextSanitizer.singleLine(event.summary)]
        if let employees = event.employees { parts.append(count(employees, "employee")) }
        if let url = event.url.map(TextSanitizer.singleLine), !url.isEmpty { parts.append(url) }
        if event.historical { parts.append("historical") }
        return "  \(TextSanitizer.singleLine(event.date))  \(kind)  \(strength)  " + parts.joined(separator: " | ")
    }

    /// `    - Jane Doe, Chief Financial Officer: leaves (retirement), effective 2026-03-31; successor John Roe (interim)`
    static func personLine(_ person: PersonChange) -> String {
        var line = "    - " + TextSanitizer.singleLine(person.name)
        if let role = person.role { line += ", " + TextSanitizer.singleLine(role) }
        switch person.change {
        case .departure: line += ": leaves"
        case .appointment: line += person.interim ? ": appointed (interim)" : ": appointed"
        case .compensation: line += ": pay arrangement"
        case .roleChange: line += ": changes role"
        }
        if let reason = person.reason { line += " (\(reason.rawValue))" }
        if let effective = person.effective { line += ", effective \(effective)" }
        if let successor = person.successor {
            line += "; successor " + TextSanitizer.singleLine(successor) + (person.interim ? " (interim)" : "")
        }
        return line
    }

    /// "1 new event", "1,200 employees".
    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        let digits = String(number.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let sign = number < 0 ? "-" : ""
        return "\(sign)\(grouped) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// `domain` when it is a plain host name, else `filings.local`.
    static func domain(_ domain: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let plain = !domain.isEmpty && domain.count <= 253 && domain.allSatisfy(allowed.contains)
            && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
        return plain ? domain : "filings.local"
    }
}
