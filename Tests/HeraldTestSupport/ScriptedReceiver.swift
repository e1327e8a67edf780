import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A webhook receiver on 127.0.0.1 whose every answer is scripted: statuses and headers, but also
/// the misbehaviour of real receivers — never answering, answering one byte a second, resetting the
/// connection half-way, or sending a body far larger than anyone should read.
///
/// Answers are taken from the script in order; the last one repeats. Each request is recorded with
/// its arrival time, and each huge body with how many bytes the client took before it hung up.
public final class ScriptedReceiver: Sendable {
    /// One scripted answer.
    public enum Behaviour: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: String = "")
        /// Read the request, then say nothing until the receiver stops.
        case blackhole
        /// A 200 response written one byte per `interval`.
        case trickle(interval: Duration)
        /// Half the status line, then a TCP reset.
        case reset
        /// A status line, a `Content-Length` of `bytes`, and as much of the body as the client reads.
        case huge(status: Int, bytes: Int)
    }

    /// A request as it arrived.
    public struct Request: Sendable {
        public var path: String
        public var headers: [String: String]
        public var body: Data
        public var arrived: Date

        public func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    public let port: Int
    private let listener: Int32
    private let script: Mutex<[Behaviour]>
    private let log = Mutex<[Request]>([])
    private let sent = Mutex<[Int]>([])
    private let stopping = Mutex(false)

    public init(_ script: [Behaviour]) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        self.script = Mutex(script.isEmpty ? [.respond(status: 200)] : script)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    public func url(_ path: String = "/hook") -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    public var requests: [Request] { log.withLock { $0 } }

    /// For each `huge` answer, the body bytes the client accepted before closing.
    public var hugeBodyBytesSent: [Int] { sent.withLock { $0 } }

    /// Replaces what is left of the script.
    public func setScript(_ newScript: [Behaviour]) { script.withLock { $0 = newScript } }

    public func stop() {
        let was = stopping.withLock { state -> Bool in
            defer { state = true }
            return state
        }
        guard !was else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopping: Bool { stopping.withLock { $0 } }

    private func next() -> Behaviour {
        script.withLock { script in script.count > 1 ? script.removeFirst() : script[0] }
    }

    private func acceptLoop() {
        while !isStopping {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var closed = false
        defer { if !closed { close(fd) } }
        guard let request = readRequest(fd) else { return }
        log.withLock { $0.append(request) }
        switch next() {
        case .respond(let status, let headers, let body):
            var head = "HTTP/1.1 \(status) Scripted\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
            _ = writeAll(fd, Data((head + body).utf8))
        case .blackhole:
            while !isStopping { usleep(20_000) }
        case .trickle(let interval):
            let response = Data("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".utf8)
            for byte in response {
                guard !isStopping, writeAll(fd, Data([byte])) else { return }
                usleep(
                    UInt32(interval.components.seconds) * 1_000_000
                        + UInt32(interval.components.attoseconds / 1_000_000_000_000))
            }
        case .reset:
            _ = writeAll(fd, Data("HTTP/1.1 2".utf8))
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            close(fd)
            closed = true
        case .huge(let status, let bytes):
            let head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(bytes)\r\nConnection: close\r\n\r\n"
            guard writeAll(fd, Data(head.utf8)) else { return }
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 16 << 10)
            var total = 0
            // Small socket buffers, so "sent" is close to "read by the client".
            var size: Int32 = 16 << 10
            setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
            while total < bytes, !isStopping {
                let piece = chunk.prefix(bytes - total)
                guard writeAll(fd, piece) else { break }
                total += piece.count
            }
            sent.withLock { $0.append(total) }
        }
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
        let arrived = Date()
        var lines = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Data(buffer[headerEnd.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            let count = read(fd, &chunk, min(chunk.count, expected - body.count))
            guard count > 0 else { break }
            body.append(contentsOf: chunk[0..<count])
        }
        return Request(path: String(requestLine[1]), headers: headers, body: body, arrived: arrived)
    }

    /// False once the peer has gone.
    private func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }
}
