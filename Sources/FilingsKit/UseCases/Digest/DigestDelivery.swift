import Foundation

/// What `filings digest` was asked to do.
public struct DigestRequest: Sendable {
    public var format: DigestFormat
    public var to: [MailAddress]
    public var from: MailAddress?
    /// A shell command that receives the message on stdin; events are marked delivered only when it exits 0.
    public var sendCommand: String?
    /// Mark the printed events delivered (for `filings digest --mark-sent | mail ...`).
    public var markSent: Bool
    /// Render a message even when there is nothing new.
    public var always: Bool

    public init(format: DigestFormat, to: [MailAddress] = [], from: MailAddress? = nil, sendCommand: String? = nil, markSent: Bool = false, always: Bool = false) {
        self.format = format
        self.to = to
        self.from = from
        self.sendCommand = sendCommand
        self.markSent = markSent
        self.always = always
    }
}

/// What a digest run did.
public struct DigestOutcome: Sendable, Equatable {
    /// What to print on stdout (nil when the message went to the mail command, or there was nothing to say).
    public var output: String?
    public var eventCount: Int
    public var delivered: Bool
}

/// `filings digest`: render pending events, hand them over, and mark them delivered only once they are.
public struct DigestDelivery: Sendable {
    let context: FilingsContext
    let mailer: Mailer
    let hostName: String

    public init(context: FilingsContext, mailer: Mailer = .live, hostName: String = ProcessInfo.processInfo.hostName) {
        self.context = context
        self.mailer = mailer
        self.hostName = hostName
    }

    /// Renders and delivers the pending events as `request` says.
    public func run(_ request: DigestRequest) async throws -> DigestOutcome {
        // A mail digest without a recipient is a configuration error: say so tonight, not on the first night with news.
        if request.format == .mail, request.to.isEmpty { throw DigestError.noRecipient }
        let events = try context.store.pendingEvents()
        guard !events.isEmpty || request.always else { return DigestOutcome(output: nil, eventCount: 0, delivered: false) }
        let renderer = DigestRenderer(generatedAt: context.now())
        let rendered: String
        switch request.format {
        case .text:
            rendered = renderer.text(events)
        case .json:
            rendered = String(decoding: try renderer.json(events), as: UTF8.self)
        case .mail:
            let from = try request.from ?? MailAddress(address: "filings@\(DigestDelivery.domain(hostName))", displayName: "filings")
            rendered = try renderer.mail(events, from: from, to: request.to, messageIDDomain: hostName).rendered()
        }
        let ids = events.compactMap(\.id)
        if let command = request.sendCommand {
            let status = try await mailer.send(command, Data(rendered.utf8))
            guard status == 0 else { throw DigestError.mailerFailed(command: command, status: status) }
            try context.store.markDelivered(ids: ids, at: context.now())
            return DigestOutcome(output: nil, eventCount: events.count, delivered: true)
        }
        if request.markSent { try context.store.markDelivered(ids: ids, at: context.now()) }
        return DigestOutcome(output: rendered, eventCount: events.count, delivered: request.markSent)
    }

    /// A host name fit for an address, or `localhost`.
    static func domain(_ host: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-"))
        return !host.isEmpty && host.unicodeScalars.allSatisfy { allowed.contains($0) && $0.isASCII } ? host : "localhost"
    }
}
