import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

@Suite("Poll window")
struct PollWindowTests {
    @Test("more feeds than the window of feeds in progress: every one is polled once and recorded")
    func manyFeeds() async throws {
        // Each feed has items of its own: guids and links carry the feed's number.
        let server = try TestHTTPServer { request in
            let feed = request.path.split(separator: "/").last.map(String.init) ?? "x"
            return .init(
                text: Fixtures.rss().replacingOccurrences(of: "wire-1", with: "wire-\(feed)-1")
                    .replacingOccurrences(of: "wire.example.org/1", with: "wire.example.org/\(feed)/1"))
        }
        let workspace = try Workspace()
        let count = 90
        let config = HeraldConfig(
            file: workspace.path("h.yaml"),
            feeds: (0..<count).map {
                FeedConfig(
                    name: String(format: "f%02d", $0), url: server.url("/feed/\($0)"), firstPollWindow: nil,
                    allowPrivateNetwork: true)
            },
            // Every item its own alert: the feeds carry the same stories.
            rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery, story: StoryPolicy(followUps: .each))],
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))],
            http: HTTPSettings(maxTransfers: 4, perHost: 4))
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let report = await herald.poll()
        #expect(report.feedsPolled == count)
        #expect(report.failures.isEmpty)
        #expect(report.newItems == 3 * count)
        #expect(report.alerts.count == 2 * count)
        #expect(Set(server.requests.map(\.path)).count == count)
        #expect(server.requests.count == count)
        await herald.shutdown()
    }
}
