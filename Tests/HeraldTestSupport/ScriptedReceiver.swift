import Foundation
import Synchronization

/// A webhook receiver on 127.0.0.1 whose every answer is scripted: statuses and headers, but also
/// the misbehaviour of real receivers — never answering, answering one byte a second, resetting the
/// connection half-way, or sending a body far larger than anyone should read. A `TestHTTPServer`
/// whose handler plays the script.
///
/// Answers are taken from the script in order; the last one repeats. Every request is recorded,
/// and each huge body with how many bytes the client took before it hung up.
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

    public typealias Request = TestHTTPServer.Request

    /// What the handler shares with the receiver: the script left, and the huge bodies' counts.
    private final class State: Sendable {
        let script: Mutex<[Behaviour]>
        let sent = Mutex<[Int]>([])

        init(_ script: [Behaviour]) { self.script = Mutex(script.isEmpty ? [.respond(status: 200)] : script) }

        func next() -> Behaviour {
            script.withLock { script in script.count > 1 ? script.removeFirst() : script[0] }
        }
    }

    private let server: TestHTTPServer
    private let state: State

    public init(_ script: [Behaviour]) throws {
        let state = State(script)
        self.state = state
        server = try TestHTTPServer { _ in Self.response(to: state.next(), state: state) }
    }

    public var port: Int { server.port }

    public func url(_ path: String = "/hook") -> URL { server.url(path) }

    public var requests: [Request] { server.requests }

    /// For each `huge` answer, the body bytes the client accepted before closing.
    public var hugeBodyBytesSent: [Int] { state.sent.withLock { $0 } }

    /// Replaces what is left of the script.
    public func setScript(_ newScript: [Behaviour]) { state.script.withLock { $0 = newScript } }

    public func stop() { server.stop() }

    private static func response(to behaviour: Behaviour, state: State) -> TestHTTPServer.Response {
        switch behaviour {
        case .respond(let status, let headers, let body):
            return .init(status: status, headers: headers, text: body)
        case .blackhole:
            return .stalled
        case .trickle(let interval):
            return .raw { connection in
                for byte in Data("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".utf8) {
                    guard connection.write(Data([byte])), connection.pause(interval) else { return }
                }
            }
        case .reset:
            return .raw { connection in
                connection.write("HTTP/1.1 2")
                connection.resetOnClose()
            }
        case .huge(let status, let bytes):
            return .raw { connection in
                // Small socket buffers, so "sent" is close to "read by the client".
                connection.limitSendBuffer(16 << 10)
                guard
                    connection.write(
                        "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(bytes)\r\nConnection: close\r\n\r\n")
                else { return }
                let chunk = Data(repeating: UInt8(ascii: "x"), count: 16 << 10)
                var total = 0
                while total < bytes {
                    let piece = chunk.prefix(bytes - total)
                    guard connection.write(piece) else { break }
                    total += piece.count
                }
                state.sent.withLock { $0.append(total) }
            }
        }
    }
}
