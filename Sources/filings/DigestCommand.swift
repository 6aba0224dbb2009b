import ArgumentParser
import FilingsKit
import Foundation

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Render the events not yet delivered, and deliver them.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "mail, text or json (default: mail with --send, else text).") var format: DigestFormat?
    @Option(help: "Recipient (repeatable; env FILINGS_TO, comma-separated).") var to: [String] = []
    @Option(help: "Sender (env FILINGS_FROM).") var from: String?
    @Option(help: "Pipe the message into this shell command; mark events delivered only if it exits 0.") var send: String?
    @Flag(help: "Mark the printed events delivered.") var markSent = false
    @Flag(help: "Render a message even when there is nothing new.") var always = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let recipients = to.isEmpty ? (environment["FILINGS_TO"].map { [$0] } ?? []) : to
        let sender = from ?? environment["FILINGS_FROM"]
        let request: DigestRequest
        do {
            request = DigestRequest(
                format: format ?? (send == nil ? .text : .mail),
                to: try recipients.flatMap { try MailAddress.list(parsing: $0) },
                from: try sender.map { try MailAddress(parsing: $0) },
                sendCommand: send, markSent: markSent, always: always)
        } catch {
            throw ValidationError(error.localizedDescription)
        }
        let lock = try (send != nil || markSent) ? global.writerLock() : nil
        defer { lock?.release() }
        let outcome = try await DigestDelivery(context: try global.context()).run(request)
        if let output = outcome.output { Terminal.print(output) }
        if outcome.delivered {
            let events = outcome.eventCount == 1 ? "1 event" : "\(outcome.eventCount) events"
            if send == nil {
                Terminal.log("\(events) marked delivered")
            } else {
                let empty = "sent a digest of no new events (--always)"
                Terminal.log(outcome.eventCount == 0 ? empty : "\(events) sent and marked delivered")
            }
        }
    }
}

extension DigestFormat: ExpressibleByArgument {}
