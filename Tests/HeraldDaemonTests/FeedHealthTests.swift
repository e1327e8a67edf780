import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// Failing feeds are never abandoned, are reported once, and moved feeds are followed carefully.
@Suite("Feed health and moves")
struct FeedHealthTests {
    func build(_ url: URL, workspace: Workspace, unhealthyAfter: Int = 2) throws -> Herald {
        try buildHerald(
            config: HeraldConfig(
                file: workspace.path("h.yaml"),
                feeds: [
                    FeedConfig(
                        name: "wire", url: url, firstPollWindow: nil, unhealthyAfter: unhealthyAfter,
                        allowPrivateNetwork: true)
                ],
                rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery)],
                sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))]),
            options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
    }

    @Test("one 'unhealthy' notice when the streak reaches the threshold, one 'recovered' when it heals")
    func unhealthyThenRecovered() async throws {
        let up = Locked(false)
        let server = try TestHTTPServer { _ in up.value ? .init(text: Fixtures.rss()) : .init(status: 500) }
        let workspace = try Workspace()
        let herald = try build(server.url("/rss"), workspace: workspace)

        for _ in 1...4 { _ = await herald.poll() }
        let state = try #require(try await herald.store.feedState("wire"))
        #expect(state.consecutiveFailures == 4)
        #expect(state.unhealthySince != nil)
        #expect(try await herald.store.alerts().map(\.kind) == [.feedUnhealthy])

        up.value = true
        _ = await herald.poll()
        _ = await herald.poll()
        let kinds = try await herald.store.alerts().map(\.kind)
        #expect(kinds.filter { $0 == .feedUnhealthy }.count == 1)
        #expect(kinds.filter { $0 == .feedRecovered }.count == 1)
        #expect(kinds.filter { $0 == .match }.count == 2)

        _ = await herald.deliver()
        let filed = try workspace.alertLines("a.jsonl").compactMap { $0["kind"] as? String }
        #expect(filed.first == "feed-unhealthy")
        #expect(filed.contains("feed-recovered"))
        await herald.shutdown()
    }

    @Test("failures back off exponentially, never past the cap, and never sooner than Retry-After")
    func backoff() {
        let feed = FeedConfig(name: "wire", url: URL(string: "https://w.example/rss")!, interval: .seconds(600))
        let now = Date(timeIntervalSince1970: 0)
        let waits = (1...8).map {
            Schedule.nextDueAfterFailure(feed, failures: $0, retryAfter: nil, after: now, jitter: 0)
                .timeIntervalSince1970
        }
        #expect(waits == [600, 1200, 2400, 4800, 9600, 19200, 21600, 21600])
        let asked = Schedule.nextDueAfterFailure(
            feed, failures: 1, retryAfter: .seconds(3600), after: now, jitter: 0)
        #expect(asked.timeIntervalSince1970 == 3600)
    }

    @Test("a permanent redirect is followed for good after three consistent observations; a temporary one never")
    func permanentRedirect() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/old": .init(status: 301, headers: [("Location", "/new")])
            case "/temp": .init(status: 302, headers: [("Location", "/new")])
            default: .init(text: Fixtures.rss())
            }
        }
        let workspace = try Workspace()
        let moved = try build(server.url("/old"), workspace: workspace)
        for _ in 1...3 { _ = await moved.poll() }
        #expect(try await moved.store.feedState("wire")?.movedTo == server.url("/new").absoluteString)
        _ = await moved.poll()
        #expect(server.requests.map(\.path) == ["/old", "/new", "/old", "/new", "/old", "/new", "/new"])
        await moved.shutdown()

        let other = try Workspace()
        let temporary = try build(server.url("/temp"), workspace: other)
        for _ in 1...4 { _ = await temporary.poll() }
        #expect(try await temporary.store.feedState("wire")?.movedTo == nil)
        await temporary.shutdown()
    }
}
