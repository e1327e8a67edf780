import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// What a server says about when to come back, what kind of failure a feed has, and how many
/// requests a host gets at once — seen through the daemon's schedule and `herald status`.
@Suite("Polite polling")
struct PolitenessTests {
    static func feed(_ name: String, _ url: URL, allowPrivateNetwork: Bool = true) -> FeedConfig {
        FeedConfig(
            name: name, url: url, interval: .seconds(600), firstPollWindow: nil,
            allowPrivateNetwork: allowPrivateNetwork
        )
    }

    static func config(_ feeds: [FeedConfig], workspace: Workspace, http: HTTPSettings = .init()) -> HeraldConfig {
        HeraldConfig(
            file: workspace.path("h.yaml"), feeds: feeds,
            rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery)],
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))], http: http)
    }

    /// The HTTP-date form of `Retry-After`.
    static func imfDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test("max-age and Retry-After (seconds and HTTP-date) push the next poll back; status shows it and the class")
    func nextDue() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/fresh": .init(headers: [("Cache-Control", "max-age=7200")], text: Fixtures.rss())
            case "/busy": .init(status: 429, headers: [("Retry-After", "5400")], text: "slow down")
            case "/down":
                .init(status: 503, headers: [("Retry-After", Self.imfDate(Date().addingTimeInterval(3600)))])
            case "/gone": .init(status: 410, text: "gone")
            case "/junk": .init(text: "this is not a feed")
            default: .init(text: Fixtures.rss())
            }
        }
        let workspace = try Workspace()
        let config = Self.config(
            [
                Self.feed("fresh", server.url("/fresh")), Self.feed("busy", server.url("/busy")),
                Self.feed("down", server.url("/down")), Self.feed("gone", server.url("/gone")),
                Self.feed("junk", server.url("/junk")),
                Self.feed("guarded", server.url("/guarded"), allowPrivateNetwork: false),
            ], workspace: workspace)
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let started = Date()
        let report = await herald.poll(now: { started })
        #expect(report.failures.count == 5)

        func state(_ name: String) async throws -> (wait: Double, error: String) {
            let state = try #require(try await herald.store.feedState(name))
            let due = try #require(state.nextDueAt)
            return (due.timeIntervalSince(started), state.lastError ?? "")
        }
        // 7200 s of freshness beat 600 s (+ jitter) of interval.
        #expect(abs(try await state("fresh").wait - 7200) < 1)
        #expect(try await state("fresh").error == "")

        let busy = try await state("busy")
        #expect(abs(busy.wait - 5400) < 1)
        #expect(busy.error.hasPrefix("transient: HTTP 429 from "))

        let down = try await state("down")
        // An HTTP-date an hour ahead, read to the second a moment after it was written.
        #expect(down.wait > 3590 && down.wait <= 3601)
        #expect(down.error.hasPrefix("transient: HTTP 503 from "))

        // Permanent failures wait four intervals (plus jitter) before the next try, not one.
        let gone = try await state("gone")
        #expect(gone.wait >= 2400 && gone.wait <= 2640)
        #expect(gone.error.hasPrefix("permanent: HTTP 410 from "))
        #expect(try await state("junk").error.hasPrefix("permanent: cannot read "))

        let guarded = try await state("guarded")
        #expect(guarded.error.hasPrefix("permanent: refused to connect to 127.0.0.1 (a loopback address)"))
        #expect(guarded.error.contains("allow_private_network: true"))
        #expect(!server.requests.contains { $0.path == "/guarded" })

        let status = try await StatusReport.build(config: config, store: herald.store, now: started)
        let text = status.renderText(now: started)
        let row = { (name: String) in text.split(separator: "\n").first { $0.hasPrefix(name + " ") } ?? "" }
        #expect(row("fresh").contains("in 2h"))
        #expect(row("busy").contains("in 1h30m"))
        #expect(row("gone").contains("permanent: HTTP 410"))
        await herald.shutdown()
    }

    @Test("a 304 with max-age pushes the next poll back too")
    func notModified() async throws {
        let server = try TestHTTPServer { request in
            request.header("If-None-Match") == "\"v1\""
                ? .init(status: 304, headers: [("Cache-Control", "max-age=3600")])
                : .init(headers: [("ETag", "\"v1\"")], text: Fixtures.rss())
        }
        let workspace = try Workspace()
        let herald = try buildHerald(
            config: Self.config([Self.feed("wire", server.url("/rss"))], workspace: workspace),
            options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let first = Date()
        _ = await herald.poll(now: { first })
        let firstDue = try #require(try await herald.store.feedState("wire")?.nextDueAt)
        #expect(firstDue.timeIntervalSince(first) <= 661)
        let second = first.addingTimeInterval(1)
        _ = await herald.poll(now: { second })
        let secondDue = try #require(try await herald.store.feedState("wire")?.nextDueAt)
        #expect(abs(secondDue.timeIntervalSince(second) - 3600) < 1)
        #expect(server.requests.last?.header("If-None-Match") == "\"v1\"")
        await herald.shutdown()
    }

    @Test("an RSS ttl is a lower bound on the next poll")
    func ttl() async throws {
        let server = try TestHTTPServer { _ in
            .init(text: Fixtures.rss().replacingOccurrences(of: "<title>Levant", with: "<ttl>120</ttl><title>Levant"))
        }
        let workspace = try Workspace()
        let herald = try buildHerald(
            config: Self.config([Self.feed("wire", server.url("/rss"))], workspace: workspace),
            options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let now = Date()
        _ = await herald.poll(now: { now })
        let due = try #require(try await herald.store.feedState("wire")?.nextDueAt)
        // 120 minutes, not the 10-minute interval.
        #expect(abs(due.timeIntervalSince(now) - 7200) < 1)
        await herald.shutdown()
    }

    /// Three feeds on one host. The server holds each request until all three are in (or 500 ms
    /// pass), so it sees as many at once as the client lets through.
    static func mostAtOnce(perHost: Int) async throws -> Int {
        let counts = Locked((now: 0, most: 0))
        let server = try TestHTTPServer { _ in
            counts.withLock {
                $0.now += 1
                $0.most = max($0.most, $0.now)
            }
            let deadline = ContinuousClock.now + .milliseconds(500)
            while counts.value.now < 3 && ContinuousClock.now < deadline { usleep(5_000) }
            counts.withLock { $0.now -= 1 }
            return .init(text: Fixtures.rss())
        }
        let workspace = try Workspace()
        let feeds = (1...3).map { Self.feed("wire\($0)", server.url("/rss\($0)")) }
        let herald = try buildHerald(
            config: Self.config(feeds, workspace: workspace, http: HTTPSettings(perHost: perHost)),
            options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let report = await herald.poll()
        await herald.shutdown()
        #expect(report.failures.isEmpty)
        #expect(server.requests.count == 3)
        return counts.value.most
    }

    @Test("one request per host at a time by default; http.per_host raises it")
    func perHost() async throws {
        #expect(try await Self.mostAtOnce(perHost: 1) == 1)
        #expect(try await Self.mostAtOnce(perHost: 3) == 3)
    }
}
