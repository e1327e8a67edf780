import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `openssl s_server` on 127.0.0.1 with a fresh self-signed certificate for 127.0.0.1: a TLS
/// server no client should trust. It answers a GET (`-www`) to any client that skips verification,
/// so a refusal proves verification, not a broken server.
public final class SelfSignedTLSServer {
    public let port: Int
    private let process: Process
    private let folder: URL

    /// `serverOptions` go to `s_server` as they are, e.g. `["-tls1_1"]` for a server stuck on an
    /// old protocol version.
    public init(serverOptions: [String] = []) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-tls-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let key = folder.appendingPathComponent("key.pem").path
        let certificate = folder.appendingPathComponent("cert.pem").path
        try Self.openssl([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", certificate, "-subj", "/CN=127.0.0.1", "-days", "1", "-addext", "subjectAltName=IP:127.0.0.1",
        ]).waitUntilExit()
        port = try Self.freePort()
        process = try Self.openssl(
            [
                "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet",
            ] + serverOptions)
        try waitUntilListening()
    }

    deinit { stop() }

    public func url(_ path: String) -> URL { URL(string: "https://127.0.0.1:\(port)\(path)")! }

    public func stop() {
        if process.isRunning {
            // SIGKILL, not `terminate()`: a child spawned from the test runner's threads may inherit
            // a mask that blocks SIGTERM, and `waitUntilExit` would then spin forever.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    private static func openssl(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A port the kernel just handed out and took back; s_server cannot be asked to pick one and
    /// report it, so this small race is the price.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Connects until s_server answers, for up to 10 s.
    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && process.isRunning {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            close(fd)
            if connected { return }
            usleep(20_000)
        }
        throw POSIXError(.ECONNREFUSED)
    }
}
