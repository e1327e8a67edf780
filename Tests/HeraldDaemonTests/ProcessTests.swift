import Foundation
import HeraldTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `herald` executable, run as a real process with real signals.
@Suite("herald as a process", .serialized)
struct ProcessTests {
    /// `swift build` puts the executable next to the test bundle; `HERALD_EXECUTABLE` names another
    /// build of it (`scripts/test` runs these tests again on the optimised binary that is shipped).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["HERALD_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "herald")
    }

    func writeConfig(_ workspace: Workspace, feedURL: URL) throws -> String {
        let yaml = """
            defaults:
              allow_private_network: true
            feeds:
              - name: wire
                url: \(feedURL.absoluteString)
                interval: 10m
                first_poll_window: all
            rules:
              - name: paris-talks
                query: '\(Fixtures.talksQuery)'
            sinks:
              - name: archive
                type: file
                path: alerts.jsonl
            """
        let path = workspace.path("herald.yaml")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A loopback server with the fixture feed, a workspace, and a config polling it.
    func servedFixture() throws -> (TestHTTPServer, Workspace, String) {
        let server = try TestHTTPServer { _ in .init(text: Fixtures.rss()) }
        let workspace = try Workspace()
        return (server, workspace, try writeConfig(workspace, feedURL: server.url("/rss")))
    }

    /// Everything a process wrote to `pipe`, once it has closed it.
    static func text(of pipe: Pipe) -> String {
        String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func launch(_ arguments: [String], environment: [String: String] = [:], workspace: Workspace) throws -> (
        Process, Pipe
    ) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = workspace.folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    /// Waits for the process to exit, for at most `limit`; kills it if it does not.
    func waitForExit(_ process: Process, limit: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.interrupt()
                kill(process.processIdentifier, SIGKILL)
                return nil
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    @Test("herald run reports READY=1 on NOTIFY_SOCKET, polls, and exits 0 on SIGTERM with STOPPING=1")
    func runAndTerminate() async throws {
        let (server, workspace, config) = try servedFixture()
        defer { server.stop() }
        let socket = try NotifySocket(path: workspace.path("notify.sock"))
        let (process, _) = try launch(
            ["run", "--config", config, "--state", workspace.path("state.sqlite")],
            environment: ["NOTIFY_SOCKET": socket.path], workspace: workspace)

        let ready = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(20))
        #expect(ready.contains { $0.contains("READY=1") })
        // The first pass polls the feed and files the two matching alerts.
        let deadline = ContinuousClock.now + .seconds(20)
        while (try workspace.alertLines("alerts.jsonl").count) < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try workspace.alertLines("alerts.jsonl").count == 2)

        kill(process.processIdentifier, SIGTERM)
        let status = await waitForExit(process, limit: .seconds(10))
        #expect(status == 0)
        let stopping = socket.receive(until: { $0.contains("STOPPING=1") }, timeout: .seconds(2))
        #expect(stopping.contains { $0.contains("STOPPING=1") })
    }

    @Test("SIGHUP with a broken config keeps the old one running")
    func reloadRejected() async throws {
        let (server, workspace, config) = try servedFixture()
        defer { server.stop() }
        let socket = try NotifySocket(path: workspace.path("notify.sock"))
        let (process, errors) = try launch(
            ["run", "--config", config, "--state", workspace.path("state.sqlite"), "--log-level", "info"],
            environment: ["NOTIFY_SOCKET": socket.path], workspace: workspace)
        _ = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(20))

        try "feeds: [\n".write(toFile: config, atomically: true, encoding: .utf8)
        kill(process.processIdentifier, SIGHUP)
        let reloaded = socket.receive(until: { $0.contains("READY=1") }, timeout: .seconds(10))
        #expect(reloaded.contains { $0.contains("RELOADING=1") && $0.contains("MONOTONIC_USEC=") })
        #expect(process.isRunning)

        kill(process.processIdentifier, SIGTERM)
        #expect(await waitForExit(process, limit: .seconds(10)) == 0)
        let log = Self.text(of: errors)
        #expect(log.contains("config reload rejected"))
    }

    @Test("herald poll exits 2 for a broken config and says where")
    func pollBrokenConfig() async throws {
        let workspace = try Workspace()
        let path = workspace.path("bad.yaml")
        try "feeds:\n  - name: wire\n    url: https://example.org/rss\n    intervall: 5m\nrules: []\nsinks: []\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (process, errors) = try launch(["poll", "--config", path], workspace: workspace)
        #expect(await waitForExit(process, limit: .seconds(20)) == 2)
        let message = Self.text(of: errors)
        #expect(message.contains("bad.yaml:4: feeds[0].intervall: unknown key; did you mean 'interval'?"))
    }

    @Test("herald poll exits 1 when a feed fails, after doing the rest")
    func pollPartialFailure() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/rss" ? .init(text: Fixtures.rss()) : .init(status: 404)
        }
        let workspace = try Workspace()
        let path = try writeConfig(workspace, feedURL: server.url("/rss"))
        var yaml = try String(contentsOfFile: path, encoding: .utf8)
        yaml = yaml.replacingOccurrences(
            of: "rules:", with: "  - name: gone\n    url: \(server.url("/gone").absoluteString)\nrules:")
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let (process, errors) = try launch(
            ["poll", "--config", path, "--state", workspace.path("s.sqlite")], workspace: workspace)
        #expect(await waitForExit(process, limit: .seconds(30)) == 1)
        #expect(try workspace.alertLines("alerts.jsonl").count == 2)
        let message = Self.text(of: errors)
        #expect(message.contains("feed gone: permanent: HTTP 404"))
    }
}

extension ProcessTests {
    @Test("herald poll shows a progress line in a terminal and none when piped")
    func progressLine() async throws {
        let (server, workspace, config) = try servedFixture()
        defer { server.stop() }

        let (piped, pipedErrors) = try launch(
            ["poll", "--config", config, "--state", workspace.path("a.sqlite")], workspace: workspace)
        #expect(await waitForExit(piped, limit: .seconds(30)) == 0)
        let pipedText = Self.text(of: pipedErrors)
        #expect(!pipedText.contains("polling:"))

        // util-linux `script` runs the command on a pseudo-terminal, as a user's shell would.
        let command = [Self.executable.path, "poll", "--config", config, "--state", workspace.path("b.sqlite")]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        terminal.standardOutput = output
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let text = Self.text(of: output)
        #expect(await waitForExit(terminal, limit: .seconds(30)) == 0)
        #expect(text.contains("polling: 1/1 feeds · 3 new items · 2 alerts"))
    }
}

extension ProcessTests {
    @Test("with WATCHDOG_USEC set, healthy herald run pings WATCHDOG=1 and reports a STATUS line")
    func watchdog() async throws {
        let (server, workspace, config) = try servedFixture()
        defer { server.stop() }
        let socket = try NotifySocket(path: workspace.path("notify.sock"))
        let (process, _) = try launch(
            ["run", "--config", config, "--state", workspace.path("state.sqlite")],
            environment: ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "400000"], workspace: workspace)
        var messages: [String] = []
        messages += socket.receive(until: { $0.contains("STATUS=1/1 feeds ok") }, timeout: .seconds(20))
        messages += socket.receive(until: { $0 == "WATCHDOG=1" }, timeout: .seconds(5))
        messages += socket.receive(until: { $0 == "WATCHDOG=1" }, timeout: .seconds(5))
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count >= 2)
        #expect(messages.contains { $0.contains("STATUS=1/1 feeds ok, 0 failing") })
        kill(process.processIdentifier, SIGTERM)
        #expect(await waitForExit(process, limit: .seconds(10)) == 0)
    }

    @Test("--log-format json writes one JSON object per log line")
    func jsonLogs() async throws {
        let server = try TestHTTPServer { _ in .init(status: 404) }
        let workspace = try Workspace()
        let config = try writeConfig(workspace, feedURL: server.url("/rss"))
        let (process, errors) = try launch(
            ["poll", "--config", config, "--state", workspace.path("s.sqlite"), "--log-format", "json"],
            workspace: workspace)
        #expect(await waitForExit(process, limit: .seconds(30)) == 1)
        let lines = Self.text(of: errors)
            .split(separator: "\n").filter { $0.hasPrefix("{") }
        let warning = try #require(lines.first)
        let object = try JSONSerialization.jsonObject(with: Data(warning.utf8)) as? [String: String]
        #expect(object?["level"] == "warning")
        #expect(object?["feed"] == "wire")
        #expect(object?["message"]?.contains("HTTP 404") == true)
    }
}

/// A datagram socket bound by the test, standing in for systemd's notify socket.
final class NotifySocket {
    let path: String
    let fd: Int32

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Datagrams received until one satisfies `done` or `timeout` passes.
    func receive(until done: (String) -> Bool, timeout: Duration) -> [String] {
        var messages: [String] = []
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { continue }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            messages.append(message)
            if done(message) { break }
        }
        return messages
    }
}
