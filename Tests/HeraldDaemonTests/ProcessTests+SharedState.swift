import Foundation
import HeraldTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension ProcessTests {
    /// Thirty items about the talks, each of which matches the rule.
    static func talksFeed(items: Int) -> String {
        let entries = (1...items).map { index in
            """
            <item><guid>talks-\(index)</guid><title>Syria and Israel hold talks in Paris, round \(index)</title>
              <link>https://wire.example.org/talks/\(index)</link></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Levant Test Wire</title>
            \(entries.joined(separator: "\n"))
            </channel></rss>
            """
    }

    @Test("one-shot polls next to the daemon on one state file: each alert sent once, no 'database is locked'")
    func pollNextToDaemon() async throws {
        let items = 30
        let feed = try TestHTTPServer { _ in .init(text: Self.talksFeed(items: items)) }
        let received = Mutex<[String]>([])
        let hook = try TestHTTPServer { request in
            usleep(2_000)
            received.withLock { $0.append(request.header("webhook-id") ?? "?") }
            return .init(status: 204)
        }
        let workspace = try Workspace()
        let config = workspace.path("herald.yaml")
        try """
        defaults:
          allow_private_network: true
        feeds:
          - name: wire
            url: \(feed.url("/rss").absoluteString)
            interval: 30s
            first_poll_window: all
        rules:
          - name: talks
            query: '\(Fixtures.talksQuery)'
            followups: each
        sinks:
          - name: hook
            type: webhook
            url: \(hook.url("/in").absoluteString)
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let state = workspace.path("state.sqlite")

        let (daemon, daemonLog) = try launch(["run", "--config", config, "--state", state], workspace: workspace)
        let polls = try (0..<4).map { _ in
            try launch(["poll", "--config", config, "--state", state], workspace: workspace)
        }
        for (process, log) in polls {
            let status = await waitForExit(process, limit: .seconds(60))
            #expect(
                status == 0,
                "\(Self.text(of: log))")
        }
        // Whatever the daemon had claimed it delivers before it exits.
        kill(daemon.processIdentifier, SIGTERM)
        #expect(await waitForExit(daemon, limit: .seconds(20)) == 0)

        let ids = received.withLock { $0 }
        #expect(ids.count == items, "each alert exactly once")
        #expect(Set(ids).count == items)
        let logs = ([daemonLog] + polls.map(\.1)).map {
            Self.text(of: $0)
        }
        #expect(!logs.contains { $0.contains("locked") }, "\(logs)")
    }
}
