import Foundation
import HeraldCore
import HeraldTestSupport
import Synchronization
import Testing

@testable import HeraldDaemon

/// One item's whole path — libcurl fetch from a loopback server, parse, match, SQLite, sinks.
@Suite("Poll end to end")
struct EndToEndTests {
    func config(feedURL: URL, workspace: Workspace, sinks: [SinkConfig]) -> HeraldConfig {
        HeraldConfig(
            file: workspace.path("herald.yaml"),
            // The fixtures are dated January 2026: let a first poll alert for all of them.
            feeds: [
                FeedConfig(name: "wire", url: feedURL, tags: ["syria"], firstPollWindow: nil, allowPrivateNetwork: true)
            ],
            // Every item its own alert: these tests follow items through the pipeline, not stories.
            rules: [
                RuleConfig(
                    name: "paris-talks", query: Fixtures.talksQuery, tags: ["syria"],
                    story: StoryPolicy(followUps: .each))
            ],
            sinks: sinks)
    }

    @Test("alerts the first time, nothing the second, exactly one for a new item")
    func pollTwiceThenNewItem() async throws {
        let feed = Mutex(Fixtures.rss())
        let server = try TestHTTPServer { _ in
            .init(
                headers: [("Content-Type", "application/rss+xml"), ("ETag", "\"\(feed.withLock { $0.count })\"")],
                text: feed.withLock { $0 })
        }
        let workspace = try Workspace()
        let herald = try buildHerald(
            config: config(
                feedURL: server.url("/rss"), workspace: workspace,
                sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))]),
            options: HeraldOptions(statePath: workspace.path("state.sqlite")), logger: testLogger)

        let first = await herald.poll()
        #expect(first.failures.isEmpty)
        #expect(first.newItems == 3)
        #expect(
            Set(first.alerts.map(\.title)) == [
                "Syria and Israel open security talks in Paris",
                "Barrak: Paris talks between Damascus and 'Israel' to resume",
            ])
        let delivered = await herald.deliver()
        #expect(delivered.delivered == 2)
        #expect(delivered.failures.isEmpty)

        let second = await herald.poll()
        #expect(second.newItems == 0)
        #expect(second.alerts.isEmpty)
        // The second request carried the validator from the first response.
        #expect(server.requests.last?.header("If-None-Match") == "\"\(Fixtures.rss().count)\"")

        feed.withLock { $0 = Fixtures.rss(extraItems: Fixtures.newItem) }
        let third = await herald.poll()
        #expect(third.newItems == 1)
        #expect(third.alerts.map(\.title) == ["Shaibani returns from Paris; Syria says talks with Israel were serious"])
        _ = await herald.deliver()

        let lines = try workspace.alertLines("alerts.jsonl")
        #expect(lines.count == 3)
        #expect(lines.map { $0["rule"] as? String } == ["paris-talks", "paris-talks", "paris-talks"])
        #expect(
            Set(lines.compactMap { $0["link"] as? String }) == [
                "https://wire.example.org/101", "https://wire.example.org/103", "https://wire.example.org/104",
            ])
        let ids = lines.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == 3)
        await herald.shutdown()
    }

    @Test("a failing webhook keeps its alerts; another sink is not held up; the retry delivers them with the same id")
    func webhookRetry() async throws {
        let feedServer = try TestHTTPServer { _ in .init(text: Fixtures.rss()) }
        let hookUp = Mutex(false)
        let hook = try TestHTTPServer { _ in
            // The first retry is immediate by default; the receiver asks for 5 s.
            hookUp.withLock { $0 }
                ? .init(status: 204) : .init(status: 503, headers: [("Retry-After", "5")], text: "down")
        }
        let workspace = try Workspace()
        let clock = Mutex(Date(timeIntervalSince1970: 1_768_000_000))
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let herald = try buildHerald(
            config: config(
                feedURL: feedServer.url("/rss"), workspace: workspace,
                sinks: [
                    SinkConfig(name: "hook", kind: .webhook(url: hook.url("/in"), timeout: .seconds(5))),
                    SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl"))),
                ]),
            options: HeraldOptions(statePath: workspace.path("state.sqlite")), logger: testLogger)

        _ = await herald.poll(now: now)
        let failed = await herald.deliver(now: now)
        #expect(failed.delivered == 2)  // the file sink got both
        #expect(failed.failures.map(\.sink) == ["hook"])
        #expect(try workspace.alertLines("alerts.jsonl").count == 2)
        #expect(hook.requests.count == 1)  // the lane stops at its first failure

        // Not due yet: nothing is sent.
        _ = await herald.deliver(now: now)
        #expect(hook.requests.count == 1)

        hookUp.withLock { $0 = true }
        clock.withLock { $0 = $0.addingTimeInterval(10) }
        let retried = await herald.deliver(now: now)
        #expect(retried.delivered == 2)
        let ids = hook.requests.map { $0.header("webhook-id") }
        #expect(ids[0] == ids[1])  // the failed alert went again, with its id
        let bodies = try hook.requests.map { try JSONSerialization.jsonObject(with: $0.body) as? [String: Any] ?? [:] }
        #expect(bodies.map { $0["id"] as? String } == ids)
        #expect(hook.requests.allSatisfy { $0.header("Content-Type") == "application/json" })
        await herald.shutdown()
    }

    @Test("a malformed feed gets an error state and the other feeds are still polled")
    func malformedFeed() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/broken" ? .init(text: "<rss><channel><item><title>unclosed") : .init(text: Fixtures.rss())
        }
        let workspace = try Workspace()
        var configuration = config(
            feedURL: server.url("/rss"), workspace: workspace,
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))])
        configuration.feeds.append(
            FeedConfig(name: "broken", url: server.url("/broken"), tags: ["syria"], allowPrivateNetwork: true))
        let herald = try buildHerald(
            config: configuration, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let report = await herald.poll()
        #expect(report.failures.map(\.feed) == ["broken"])
        #expect(report.alerts.count == 2)
        let state = try #require(try await herald.store.feedState("broken"))
        #expect(state.consecutiveFailures == 1)
        #expect(state.lastError?.contains("/broken") == true)
        await herald.shutdown()
    }
}
