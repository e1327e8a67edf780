import Foundation
import HeraldCore
import HeraldHTTP
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where the status endpoint listens: a loopback address and a port (`127.0.0.1:9464`,
/// `[::1]:9464`, `localhost:9464`; port 0 lets the kernel choose). Only loopback is accepted — the
/// endpoint has no authentication, so reaching it from elsewhere goes through a proxy the admin
/// configures on purpose.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(parsing text: String) throws(ListenAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let host: Substring
        let portText: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].hasPrefix(":") else {
                throw ListenAddressError(text: text, reason: "expected [IPV6]:PORT")
            }
            host = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            portText = trimmed[trimmed.index(close, offsetBy: 2)...]
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else {
                throw ListenAddressError(text: text, reason: "expected HOST:PORT, e.g. 127.0.0.1:9464")
            }
            host = trimmed[..<colon]
            portText = trimmed[trimmed.index(after: colon)...]
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ListenAddressError(text: text, reason: "the port must be a number from 0 to 65535")
        }
        let normalized = host == "localhost" ? "127.0.0.1" : String(host)
        guard Self.isLoopback(normalized) else {
            throw ListenAddressError(
                text: text, reason: "only loopback addresses are allowed (127.0.0.1, [::1], localhost)")
        }
        self.host = normalized
        self.port = port
    }

    var isIPv6: Bool { host.contains(":") }

    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    static let loopback = [IPNetwork("127.0.0.0/8")!, IPNetwork("::1/128")!]

    static func isLoopback(_ host: String) -> Bool {
        guard let address = IPAddress(host) else { return false }
        return loopback.contains { $0.contains(address) }
    }
}

public struct ListenAddressError: Error, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "invalid listen address '\(text)': \(reason)" }
}

/// The optional HTTP endpoint of `herald run --listen ADDRESS`: `/metrics` (Prometheus text),
/// `/healthz` (200 while the scheduler ticks and SQLite answers, else 503), `/status.json`
/// (`herald status --json`) and `/` (a small read-only HTML page with the same content and the
/// latest alerts).
///
/// A deliberately small HTTP/1.1 server: GET and HEAD only, one request per connection, requests
/// handled one at a time on its own thread (the data comes from the state file, which is cheap to
/// read), every socket with a 5 s timeout so a slow client cannot hold it.
public final class StatusServer: Sendable {
    public let address: ListenAddress
    /// The bound port (the kernel's choice when the address said 0).
    public let port: Int
    private let listener: LoopbackListener
    private let herald: Herald
    private let health: @Sendable () async -> Bool

    public init(
        address: ListenAddress, herald: Herald, health: @escaping @Sendable () async -> Bool
    ) throws {
        self.address = address
        self.herald = herald
        self.health = health
        do {
            listener = try LoopbackListener(host: address.host, port: address.port)
        } catch {
            throw StatusServerError(address: address, errno: error.errno)
        }
        port = listener.port
        listener.start(threadName: "herald-status") { [self] client in
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            serve(client)
            close(client)
        }
    }

    deinit { stop() }

    /// `http://ADDRESS:PORT/`.
    public var url: URL {
        URL(string: "http://\(address.isIPv6 ? "[\(address.host)]" : address.host):\(port)/")!
    }

    /// Stops accepting; a request being answered finishes first.
    public func stop() { listener.stop() }

    struct Response {
        var status: Int
        var contentType: String
        var body: String
    }

    private func serve(_ fd: Int32) {
        guard let (method, target) = Self.readRequestLine(fd) else { return }
        let response: Response
        if method != "GET" && method != "HEAD" {
            response = Response(status: 405, contentType: "text/plain; charset=utf-8", body: "only GET and HEAD\n")
        } else {
            let path = String(target.prefix { $0 != "?" })
            let result = ResponseBox<Response?>(nil)
            let done = DispatchSemaphore(value: 0)
            Task { [herald, health] in
                result.set(await Self.respond(to: path, herald: herald, health: health))
                done.signal()
            }
            done.wait()
            response = result.get() ?? Response(status: 500, contentType: "text/plain", body: "")
        }
        let body = Data(response.body.utf8)
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        head += "Content-Type: \(response.contentType)\r\nContent-Length: \(body.count)\r\n"
        head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
        head += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
        head += "Connection: close\r\n\r\n"
        Self.writeAll(fd, Data(head.utf8) + (method == "HEAD" ? Data() : body))
    }

    static func respond(
        to path: String, herald: Herald, health: @Sendable () async -> Bool
    ) async -> Response {
        switch path {
        case "/healthz":
            return await health()
                ? Response(status: 200, contentType: "text/plain; charset=utf-8", body: "ok\n")
                : Response(status: 503, contentType: "text/plain; charset=utf-8", body: "unhealthy\n")
        case "/metrics", "/status.json", "/":
            do {
                let report = try await StatusReport.build(config: herald.config, store: herald.store)
                switch path {
                case "/metrics":
                    return Response(
                        status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
                        body: herald.metrics.render(report: report))
                case "/status.json":
                    let encoder = JSONEncoder()
                    encoder.dateEncodingStrategy = .iso8601
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                    let json = String(decoding: try encoder.encode(report), as: UTF8.self)
                    return Response(status: 200, contentType: "application/json", body: json + "\n")
                default:
                    let alerts = try await herald.store.alerts(since: Date().addingTimeInterval(-7 * 86_400))
                    return Response(
                        status: 200, contentType: "text/html; charset=utf-8",
                        body: StatusPage.render(report, alerts: Array(alerts.suffix(50).reversed())))
                }
            } catch {
                return Response(
                    status: 503, contentType: "text/plain; charset=utf-8", body: "state file unavailable: \(error)\n")
            }
        default:
            return Response(status: 404, contentType: "text/plain; charset=utf-8", body: "not found\n")
        }
    }

    /// Reads up to the end of the request head (at most 16 KiB) and returns method and target.
    static func readRequestLine(_ fd: Int32) -> (String, String)? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while buffer.count < 16_384 {
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { return nil }
            buffer += chunk[..<count]
            if Self.endsHead(buffer) { break }
        }
        guard let end = buffer.firstIndex(of: UInt8(ascii: "\r")) ?? buffer.firstIndex(of: UInt8(ascii: "\n")) else {
            return nil
        }
        let parts = String(decoding: buffer[..<end], as: UTF8.self).split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// Whether the bytes contain the blank line that ends an HTTP head.
    static func endsHead(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        for index in 0..<(bytes.count - 1) where bytes[index] == 10 {
            if bytes[index + 1] == 10 { return true }
            if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { return true }
        }
        return false
    }

    static func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }
}

public struct StatusServerError: Error, CustomStringConvertible {
    public var address: ListenAddress
    public var errno: Int32
    public var description: String {
        "cannot listen on \(address): \(String(cString: strerror(errno)))"
            + (errno == EADDRINUSE ? " (another process has the port; pick another with --listen)" : "")
    }
}

/// A value shared between the server thread and the task computing a response.
final class ResponseBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value>
    init(_ value: Value) { self.value = Mutex(value) }
    func get() -> Value { value.withLock { $0 } }
    func set(_ newValue: Value) { value.withLock { $0 = newValue } }
}

/// Runs the status server for as long as the daemon runs.
struct StatusService: Service {
    let server: StatusServer
    let logger: Logger

    func run() async throws {
        logger.notice("status endpoint listening", metadata: ["url": "\(server.url)"])
        try? await gracefulShutdown()
        server.stop()
    }
}
