import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

/// Secrets from a secrets file and `$CREDENTIALS_DIRECTORY`, and canary tokens that must never
/// appear in any output: stdout and stderr of every command, debug logs, and the state file.
@Suite("Secrets", .serialized)
struct SecretsTests {
    static let canaries = [
        "CANARYfileURLtoken7781", "CANARYcredURLtoken3319", "whsec_Q0FOQVJZc2lnbmluZ3NlY3JldDQ0MTI=",
    ]

    func write(_ text: String, _ path: String, mode: mode_t) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
    }

    func config(_ workspace: Workspace, feed: URL) -> String {
        """
        secrets_file: secrets.yaml
        feeds:
          - name: wire
            url: \(feed.absoluteString)
            first_poll_window: all
            allow_private_network: true
        rules:
          - name: paris-talks
            query: '\(Fixtures.talksQuery)'
        sinks:
          - name: refused
            type: webhook
            url_secret: refused_hook
            signing_secret: secret:signing
          - name: failing
            type: webhook
            url: secret:failing_hook
            timeout: 2s
        """
    }

    @Test("a secrets file readable by group or others is refused")
    func looseSecretsFile() throws {
        let workspace = try Workspace()
        try write("hook: http://127.0.0.1:9/x\n", workspace.path("secrets.yaml"), mode: 0o644)
        let yaml = """
            secrets_file: secrets.yaml
            feeds: []
            rules: []
            sinks:
              - name: hook
                type: webhook
                url_secret: hook
            """
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(yaml, file: workspace.path("herald.yaml")) }
        do {
            _ = try ConfigLoader.parse(yaml, file: workspace.path("herald.yaml"))
        } catch {
            #expect(error.description.contains("readable by group or others"))
            #expect(error.description.contains("chmod 600"))
        }
        chmod(workspace.path("secrets.yaml"), 0o600)
        let config = try ConfigLoader.parse(yaml, file: workspace.path("herald.yaml"))
        #expect(config.sinks.first?.target == "http://127.0.0.1:9/x")
    }

    @Test("canary tokens appear in no output of check, poll, status, deliveries, dlq, nor in the state file")
    func canaries() async throws {
        let feed = try TestHTTPServer { _ in .init(text: Fixtures.rss()) }
        // One receiver refuses alerts and quotes its URL back; the other is down (503, echoing too).
        let refusing = try ScriptedReceiver([
            .respond(status: 400, body: "bad request to /hooks/\(Self.canaries[0])")
        ])
        let failing = try ScriptedReceiver([.respond(status: 503, body: "down: \(Self.canaries[1])")])
        let workspace = try Workspace()
        try write(
            """
            refused_hook: \(refusing.url("/hooks/\(Self.canaries[0])").absoluteString)
            signing: "\(Self.canaries[2])"
            """, workspace.path("secrets.yaml"), mode: 0o600)
        let credentials = workspace.path("credentials")
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        try write(
            "json://127.0.0.1:\(failing.port)/in/\(Self.canaries[1])\n", credentials + "/failing_hook", mode: 0o600)
        try config(workspace, feed: feed.url("/rss")).write(
            toFile: workspace.path("herald.yaml"), atomically: true, encoding: .utf8)

        let environment = ["CREDENTIALS_DIRECTORY": credentials]
        var outputs: [String] = []
        for arguments in [
            ["check"], ["poll", "--log-level", "trace"], ["status"], ["status", "--json"], ["deliveries"],
            ["deliveries", "--json"], ["dlq", "list"], ["dlq", "list", "--json"], ["alerts", "--json"],
        ] {
            let (status, output) = try run(arguments, environment: environment, workspace: workspace)
            #expect(status != nil, "herald \(arguments.joined(separator: " ")) did not finish")
            outputs.append("$ herald \(arguments.joined(separator: " "))\n" + output)
        }
        // The sinks did their work: one refusal (dead letters), one failure (pending).
        #expect(refusing.requests.count == 2)
        #expect(refusing.requests.first?.header("webhook-signature")?.hasPrefix("v1,") == true)
        #expect(failing.requests.count == 1)
        let all = outputs.joined(separator: "\n")
        #expect(all.contains("HTTP 400"))
        #expect(all.contains("HTTP 503"))
        #expect(all.contains("****"))
        for canary in Self.canaries {
            #expect(!all.contains(canary), "leaked \(canary) in:\n\(all)")
        }
        // The state file too (WAL included).
        for file in ["state/herald.sqlite", "state/herald.sqlite-wal"] {
            let data = FileManager.default.contents(atPath: workspace.path(file)) ?? Data()
            for canary in Self.canaries {
                #expect(data.range(of: Data(canary.utf8)) == nil, "\(canary) in \(file)")
            }
        }
    }

    /// Runs herald to completion; returns its exit status (nil on a 60 s timeout) and stdout+stderr.
    func run(_ arguments: [String], environment: [String: String], workspace: Workspace) throws -> (Int32?, String) {
        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = arguments + ["--config", workspace.path("herald.yaml")]
        process.currentDirectoryURL = workspace.folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
