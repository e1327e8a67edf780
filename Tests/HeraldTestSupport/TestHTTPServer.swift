import Foundation
import HeraldHTTP
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP/1.1 server on a loopback address (127.0.0.1 unless told) and a kernel-chosen port,
/// for tests that drive libcurl.
///
/// One thread accepts; each connection gets a thread, reads one request, asks the handler for a
/// response and closes (`Connection: close`) — or, with `keepAlive`, answers requests on the
/// connection until the client closes it, as most real servers do. Every request is recorded so tests can check what
/// Herald sent (validators, signatures, bodies). A `raw` response writes whatever bytes it likes,
/// as slowly as it likes: the hostile servers of the fetcher's tests are built on it.
public final class TestHTTPServer: Sendable {
    /// A request as it arrived.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: Data

        /// Header value by case-insensitive name.
        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    /// What the handler answers.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        /// Never answer: hold the connection open until the server stops (timeout tests).
        public var stall: Bool
        /// Raw mode: this writes the whole response, status line included; the rest is ignored.
        public var raw: (@Sendable (RawConnection) -> Void)?

        public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data(), stall: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.stall = stall
        }

        /// A response written byte for byte by `write`, which may stop early or dawdle.
        public static func raw(_ write: @escaping @Sendable (RawConnection) -> Void) -> Response {
            var response = Response()
            response.raw = write
            return response
        }

        public init(status: Int = 200, headers: [(String, String)] = [], text: String) {
            self.init(status: status, headers: headers, body: Data(text.utf8))
        }

        public static let stalled = Response(stall: true)
    }

    public typealias Handler = @Sendable (Request) -> Response

    /// A connection in raw mode, for its response writer; used from the connection's thread only.
    public final class RawConnection {
        fileprivate let fd: Int32
        fileprivate let server: TestHTTPServer
        /// Bytes the peer has accepted so far (into its socket buffer, at least).
        public private(set) var bytesSent = 0

        fileprivate init(fd: Int32, server: TestHTTPServer) {
            self.fd = fd
            self.server = server
        }

        /// Sends all of `data`; false once the peer has gone or the server is stopping.
        @discardableResult
        public func write(_ data: Data) -> Bool {
            guard !server.isStopping else { return false }
            let sent = server.writeAll(fd, data)
            bytesSent += sent
            return sent == data.count
        }

        @discardableResult
        public func write(_ text: String) -> Bool { write(Data(text.utf8)) }

        /// Shrinks the socket's send buffer, so that what `write` reports sent is close to what the
        /// peer has read.
        public func limitSendBuffer(_ bytes: Int32) {
            var size = bytes
            setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }

        /// Makes the close after this response a TCP reset instead of an orderly end.
        public func resetOnClose() {
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        }

        /// Waits, in short naps so that `stop()` is not held up; false if the server is stopping.
        public func pause(_ duration: Duration) -> Bool {
            let end = ContinuousClock.now + duration
            while ContinuousClock.now < end {
                if server.isStopping { return false }
                usleep(20_000)
            }
            return !server.isStopping
        }
    }

    public let port: Int
    /// The IPv4 loopback address listened on.
    public let host: String
    private let listener: LoopbackListener
    private let handler: Mutex<Handler>
    private let log = Mutex<[Request]>([])
    private let accepted = Mutex(0)
    private let keepAlive: Bool

    /// Listens on `host`, any IPv4 loopback address (Linux routes all of 127/8 to `lo`).
    public init(host: String = "127.0.0.1", keepAlive: Bool = false, handler: @escaping Handler) throws {
        self.keepAlive = keepAlive
        do {
            listener = try LoopbackListener(host: host, port: 0)
        } catch {
            throw POSIXError(.init(rawValue: error.errno) ?? .EIO)
        }
        self.host = host
        port = listener.port
        self.handler = Mutex(handler)
        listener.start { [self] client in
            accepted.withLock { $0 += 1 }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    deinit { stop() }

    /// `http://HOST:PORT/path`.
    public func url(_ path: String) -> URL { URL(string: "http://\(host):\(port)\(path)")! }

    /// The connections accepted so far.
    public var connections: Int { accepted.withLock { $0 } }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { log.withLock { $0 } }

    /// Replaces the handler (e.g. "now the feed has a new item").
    public func setHandler(_ newHandler: @escaping Handler) { handler.withLock { $0 = newHandler } }

    public func stop() { listener.stop() }

    fileprivate var isStopping: Bool { listener.isStopping }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        while respond(fd) && keepAlive {}
    }

    /// Reads one request and answers it; false when the connection is done.
    private func respond(_ fd: Int32) -> Bool {
        guard let request = readRequest(fd) else { return false }
        log.withLock { $0.append(request) }
        let response = handler.withLock { $0 }(request)
        if let raw = response.raw {
            raw(RawConnection(fd: fd, server: self))
            return false
        }
        if response.stall {
            while !isStopping { usleep(20_000) }
            return false
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        var headers = response.headers
        if !headers.contains(where: { $0.0.lowercased() == "content-length" }) {
            headers.append(("Content-Length", "\(response.body.count)"))
        }
        headers.append(("Connection", keepAlive ? "keep-alive" : "close"))
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let message = Data(head.utf8) + (request.method == "HEAD" ? Data() : response.body)
        return writeAll(fd, message) == message.count
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            headerEnd = buffer.range(of: separator)
        }
        guard let headerEnd else { return nil }
        let headText = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headerEnd.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            let count = read(fd, &chunk, min(chunk.count, expected - body.count))
            guard count > 0 else { break }
            body.append(contentsOf: chunk[0..<count])
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    /// Sends until done or the peer is gone; returns the bytes sent.
    @discardableResult
    fileprivate func writeAll(_ fd: Int32, _ data: Data) -> Int {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return offset }
                offset += written
            }
            return offset
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
