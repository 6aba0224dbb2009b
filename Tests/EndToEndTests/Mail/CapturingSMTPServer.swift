import Foundation
@testable import FilingsTestSupport

/// A tiny SMTP server on 127.0.0.1 (a port the kernel picks), run as a Python 3 child process,
/// that keeps every message it accepts: the raw DATA (dot-unstuffed, CRLF kept) and the envelope.
///
/// It is the far end a real mail transfer agent (msmtp) delivers to, so the test sees what
/// would reach a mail server: the envelope recipients as well as the bytes of the message.
/// While the file `reject` exists in its directory it refuses recipients with a temporary
/// failure (`451`), the way a busy or greylisting server does.
struct CapturingSMTPServer {
    /// One accepted message.
    struct Captured: Decodable {
        var helo: String
        var mailFrom: String
        var recipients: [String]
        /// The DATA file, in the server's directory.
        var file: String
    }

    static let script = #"""
        import json, os, signal, socket, sys
        # A child of the test process inherits its blocked and ignored signals; take SIGTERM back.
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        directory = sys.argv[1]
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(('127.0.0.1', 0))
        listener.listen(5)
        with open(os.path.join(directory, 'port.tmp'), 'w') as f:
            f.write(str(listener.getsockname()[1]))
        os.rename(os.path.join(directory, 'port.tmp'), os.path.join(directory, 'port'))
        count = 0

        def serve(connection):
            global count
            stream = connection.makefile('rb')
            def reply(line):
                connection.sendall(line.encode('ascii') + b'\r\n')
            reply('220 capture.test ESMTP ready')
            helo, sender, recipients = '', None, []
            while True:
                line = stream.readline()
                if not line:
                    return
                command = line.decode('ascii', 'replace').rstrip('\r\n')
                verb = command[:4].upper()
                if verb in ('EHLO', 'HELO'):
                    helo = command[5:]
                    reply('250-capture.test' if verb == 'EHLO' else '250 capture.test')
                    if verb == 'EHLO':
                        reply('250 8BITMIME')
                elif verb == 'MAIL':
                    sender, recipients = command[10:].split(' ')[0].strip('<>'), []
                    reply('250 2.1.0 sender ok')
                elif verb == 'RCPT':
                    if os.path.exists(os.path.join(directory, 'reject')):
                        reply('451 4.3.0 try again later')
                    else:
                        recipients.append(command[8:].split(' ')[0].strip('<>'))
                        reply('250 2.1.5 recipient ok')
                elif verb == 'DATA':
                    if sender is None or not recipients:
                        reply('503 5.5.1 need MAIL and RCPT first')
                        continue
                    reply('354 end data with <CR><LF>.<CR><LF>')
                    data = b''
                    while True:
                        part = stream.readline()
                        if not part or part == b'.\r\n':
                            break
                        data += part[1:] if part.startswith(b'.') else part
                    count += 1
                    name = os.path.join(directory, 'message-%d.eml' % count)
                    with open(name, 'wb') as f:
                        f.write(data)
                    with open(os.path.join(directory, 'message-%d.json' % count), 'w') as f:
                        json.dump({'helo': helo, 'mailFrom': sender, 'recipients': recipients, 'file': name}, f)
                    reply('250 2.0.0 queued as %d' % count)
                    sender, recipients = None, []
                elif verb == 'RSET':
                    sender, recipients = None, []
                    reply('250 2.0.0 ok')
                elif verb == 'NOOP':
                    reply('250 2.0.0 ok')
                elif verb == 'QUIT':
                    reply('221 2.0.0 bye')
                    return
                else:
                    reply('502 5.5.2 command not implemented')

        while True:
            connection, _ = listener.accept()
            try:
                serve(connection)
            finally:
                connection.close()
        """#

    let directory: URL
    let port: Int
    private let process: Process

    /// Starts the server; nil (with a note printed) when `python3` is not on PATH.
    static func start() async throws -> CapturingSMTPServer? {
        guard ProcessRunner.isAvailable("python3") else {
            print("note: python3 not found on PATH; no capturing SMTP server, the mail transfer test is skipped")
            return nil
        }
        let directory = try temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: emptyFile(directory.appendingPathComponent("server.log")))
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        // Bounded wait for the child to bind its socket (it writes the port file when listening).
        for _ in 0..<400 where process.isRunning && !FileManager.default.fileExists(atPath: portFile.path) {
            try await Task.sleep(for: .milliseconds(25))
        }
        guard let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) else {
            if process.isRunning { process.terminate() }
            let log = (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
            throw SMTPServerError.didNotStart(log)
        }
        return CapturingSMTPServer(directory: directory, port: port, process: process)
    }

    /// Refuses (`451`) or accepts recipients from now on.
    func rejectRecipients(_ reject: Bool) throws {
        let flag = directory.appendingPathComponent("reject")
        if reject {
            _ = try Self.emptyFile(flag)
        } else if FileManager.default.fileExists(atPath: flag.path) {
            try FileManager.default.removeItem(at: flag)
        }
    }

    /// Every message accepted so far, in order.
    func messages() throws -> [Captured] {
        var result: [Captured] = []
        var index = 1
        while case let url = directory.appendingPathComponent("message-\(index).json"),
            FileManager.default.fileExists(atPath: url.path)
        {
            result.append(try JSONDecoder().decode(Captured.self, from: Data(contentsOf: url)))
            index += 1
        }
        return result
    }

    /// Stops this server's own child process (by its PID; SIGKILL if SIGTERM did not do).
    func stop() async {
        if process.isRunning { process.terminate() }
        for _ in 0..<200 where process.isRunning {
            try? await Task.sleep(for: .milliseconds(25))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func emptyFile(_ url: URL) throws -> URL {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return url
    }
}

/// Why the capturing server could not be used.
enum SMTPServerError: Error, CustomStringConvertible {
    case didNotStart(String)

    var description: String {
        switch self {
        case .didNotStart(let log): "the capturing SMTP server did not start: \(log)"
        }
    }
}
