import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

@Suite("Status report")
struct StatusReportTests {
    @Test("feeds, sinks and rules with health, counts and errors, as text and as JSON")
    func report() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/rss" ? .init(text: Fixtures.rss()) : .init(status: 503)
        }
        let hook = try TestHTTPServer { _ in .init(status: 500) }
        let workspace = try Workspace()
        let config = HeraldConfig(
            file: workspace.path("h.yaml"),
            feeds: [
                FeedConfig(name: "wire", url: server.url("/rss"), firstPollWindow: nil, allowPrivateNetwork: true),
                FeedConfig(name: "down", url: server.url("/down"), unhealthyAfter: 2, allowPrivateNetwork: true),
                FeedConfig(name: "later", url: server.url("/later"), allowPrivateNetwork: true),
            ],
            rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery), RuleConfig(name: "quiet", query: "Golan")],
            sinks: [SinkConfig(name: "hook", kind: .webhook(url: hook.url("/in"), timeout: .seconds(5)))])
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        _ = await herald.poll(feeds: ["wire", "down"])
        _ = await herald.poll(feeds: ["down"])
        _ = await herald.deliver()

        let report = try await StatusReport.build(config: config, store: herald.store)
        #expect(report.feeds.map(\.health) == [.ok, .unhealthy, .new])
        #expect(report.feeds[0].itemsSeen == 3)
        #expect(report.feeds[0].alerts24h == 2)
        #expect(report.feeds[1].consecutiveFailures == 2)
        #expect(report.feeds[1].lastError?.contains("503") == true)
        #expect(report.rules.map(\.hits24h) == [2, 0])
        // Two matches and the unhealthy notice wait for the failing webhook.
        #expect(report.sinks.first?.pending == 3)
        #expect(report.sinks.first?.lastError?.contains("HTTP 500") == true)
        #expect(report.summaryLine == "1/3 feeds ok, 1 failing, 3 alerts pending delivery")

        let text = report.renderText()
        #expect(text.contains("FEED"))
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("down") && $0.contains("unhealthy ×2") })
        let json = try JSONEncoder().encode(report)
        let decoded = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect((decoded?["feeds"] as? [Any])?.count == 3)
        await herald.shutdown()
    }
}
