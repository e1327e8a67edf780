import Foundation
import Synchronization

#if canImport(Glibc)
    // curl.h includes <sys/socket.h>, so in an optimised build of this module the socket type
    // constants (`SOCK_STREAM`, `SOCK_CLOEXEC`) resolve through CCurl, not Glibc.
    import CCurl
    import Glibc
#endif

/// A listening TCP socket on a loopback address, with a thread that accepts connections: what
/// `herald run --listen`'s status endpoint and the test suite's HTTP servers are built on.
///
/// `init` binds (port 0 lets the kernel choose; `port` tells which it chose); `start` hands every
/// accepted connection to a handler, which owns the descriptor and closes it; `stop` shuts the
/// socket, which ends the accept loop.
public final class LoopbackListener: Sendable {
    /// The bound port.
    public let port: Int
    private let fd: Int32
    private let stopping = Mutex(false)

    /// Why the socket could not listen: the `errno` of the failing call.
    public struct Failure: Error, Sendable {
        public var errno: Int32
    }

    /// Binds `host` (an IPv4 or IPv6 address in text form) and `port`, and listens.
    public init(host: String, port: Int) throws(Failure) {
        let isIPv6 = host.contains(":")
        let fd = socket(isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(errno: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var (storage, length) = Self.socketAddress(host: host, port: port, isIPv6: isIPv6)
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let failure = Failure(errno: errno)
            close(fd)
            throw failure
        }
        var actualLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        self.port = withUnsafeBytes(of: storage) { bytes in
            // sin_port and sin6_port sit at the same offset, right after the family.
            Int(UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
        }
        self.fd = fd
    }

    deinit { stop() }

    /// Starts the accept thread; `handle` gets each connection, on that thread, and closes it.
    public func start(threadName: String? = nil, handle: @escaping @Sendable (Int32) -> Void) {
        let thread = Thread { [self] in
            while !isStopping {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                handle(client)
            }
        }
        if let threadName { thread.name = threadName }
        thread.start()
    }

    /// Stops accepting; once is enough, later calls do nothing.
    public func stop() {
        let wasStopping = stopping.withLock { state -> Bool in
            defer { state = true }
            return state
        }
        guard !wasStopping else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    public var isStopping: Bool { stopping.withLock { $0 } }

    /// `host:port` as a `sockaddr_in` or `sockaddr_in6`, in a `sockaddr_storage`, with its length.
    static func socketAddress(host: String, port: Int, isIPv6: Bool) -> (sockaddr_storage, socklen_t) {
        func stored<Address>(_ address: Address) -> (sockaddr_storage, socklen_t) {
            var storage = sockaddr_storage()
            withUnsafeBytes(of: address) { source in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: source) }
            }
            return (storage, socklen_t(MemoryLayout<Address>.size))
        }
        let port = in_port_t(UInt16(port).bigEndian)
        if isIPv6 {
            var v6 = sockaddr_in6()
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port
            inet_pton(AF_INET6, host, &v6.sin6_addr)
            return stored(v6)
        }
        var v4 = sockaddr_in()
        v4.sin_family = sa_family_t(AF_INET)
        v4.sin_port = port
        inet_pton(AF_INET, host, &v4.sin_addr)
        return stored(v4)
    }
}
