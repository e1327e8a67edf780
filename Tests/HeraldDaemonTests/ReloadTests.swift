import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// What a reload (SIGHUP) changes and what it must keep: feed state and pending deliveries live in
/// the state file, so a new config is applied by difference without losing either.
@Suite("Reload by difference")
struct ReloadTests {
    @Test("adding a feed, dropping a sink and bringing it back keep fetch state and pending alerts")
    func applyDifference() async throws {
        let server = try TestHTTPServer { request in
            .init(headers: [("ETag", "\"v1\"")], text: request.path == "/rss" ? Fixtures.rss() : Fixtures.rss())
        }
        let workspace = try Workspace()
        let wire = FeedConfig(name: "wire", url: server.url("/rss"), firstPollWindow: nil, allowPrivateNetwork: true)
        let archive = SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))
        let hook = SinkConfig(name: "hook", kind: .webhook(url: server.url("/hook"), timeout: .seconds(5)))
        let rule = RuleConfig(name: "talks", query: Fixtures.talksQuery, sinks: ["archive"])
        let first = HeraldConfig(
            file: workspace.path("h.yaml"), feeds: [wire], rules: [rule], sinks: [archive, hook])
        let herald = try buildHerald(
            config: first, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        #expect(await herald.poll().alerts.count == 2)
        let etag = try await herald.store.feedState("wire")?.etag
        #expect(etag == "\"v1\"")

        // The archive sink disappears before its alerts were delivered; a second feed arrives.
        var second = first
        second.sinks = [hook]
        second.rules = [RuleConfig(name: "talks", query: Fixtures.talksQuery, sinks: ["hook"])]
        second.feeds.append(
            FeedConfig(name: "mirror", url: server.url("/mirror"), firstPollWindow: nil, allowPrivateNetwork: true))
        try herald.apply(second)
        _ = await herald.deliver()
        #expect(try workspace.alertLines("alerts.jsonl").isEmpty)
        let report = await herald.poll(feeds: ["mirror"])
        #expect(report.failures.isEmpty)
        // The old feed kept its validators: its next request is conditional.
        _ = await herald.poll(feeds: ["wire"])
        #expect(server.requests.last { $0.path == "/rss" }?.header("If-None-Match") == "\"v1\"")

        // The archive sink comes back: the two alerts that waited for it are delivered, in order.
        try herald.apply(first)
        let delivered = await herald.deliver()
        #expect(delivered.failures.isEmpty)
        let lines = try workspace.alertLines("alerts.jsonl")
        #expect(lines.compactMap { $0["title"] as? String }.count == 2)
        let store = try await herald.store.feedState("wire")
        #expect(store?.consecutiveFailures == 0)
        await herald.shutdown()
    }

    @Test("a config whose rules do not compile is refused and the running one stays")
    func refuseBrokenRule() async throws {
        let workspace = try Workspace()
        let config = HeraldConfig(
            file: workspace.path("h.yaml"),
            feeds: [FeedConfig(name: "wire", url: URL(string: "http://127.0.0.1:9/rss")!)],
            rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery)],
            sinks: [SinkConfig(name: "out", kind: .stdout(format: .json))])
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        var broken = config
        broken.rules = [RuleConfig(name: "talks", query: "(Syria AND")]
        #expect(throws: ConfigError.self) { try herald.apply(broken) }
        #expect(herald.config.rules.map(\.query) == [Fixtures.talksQuery])
        await herald.shutdown()
    }
}
