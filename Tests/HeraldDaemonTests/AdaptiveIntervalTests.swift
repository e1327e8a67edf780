import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// `adaptive_interval`: a feed polled about twice per gap between its own publications, within
/// bounds — read from the feed's dates, remembered across 304s, shown by `herald status`.
@Suite("Adaptive interval")
struct AdaptiveIntervalTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func hoursAgo(_ hours: Double...) -> [Date] { hours.map { now.addingTimeInterval(-$0 * 3600) } }

    @Test("the publishing gap is the last week's items spread over the time since the oldest of them")
    func publishingGap() throws {
        // Ten items an hour apart, the newest an hour old: ten in ten hours.
        let hourly = try #require(AdaptiveInterval.publishingGap(hoursAgo(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), now: now))
        #expect(hourly == .seconds(3600))
        // A busy feed showing only its newest 20 items (one every 6 minutes): minutes, not a week / 20.
        let busy = (1...20).map { now.addingTimeInterval(-Double($0) * 360) }
        #expect(AdaptiveInterval.publishingGap(busy, now: now) == .seconds(360))
        // Items older than a week do not count; a feed with none inside the week is as quiet as can be.
        #expect(AdaptiveInterval.publishingGap(hoursAgo(2, 4, 400, 500), now: now) == .seconds(7200))
        #expect(AdaptiveInterval.publishingGap(hoursAgo(400, 500), now: now) == AdaptiveInterval.window)
        // Undated feeds give no gap (the last known one is kept); a date in the future is ignored.
        #expect(AdaptiveInterval.publishingGap([Date](), now: now) == nil)
        #expect(AdaptiveInterval.publishingGap([now.addingTimeInterval(86_400)], now: now) == nil)
        #expect(AdaptiveInterval.publishingGap(hoursAgo(3, -24), now: now) == .seconds(3 * 3600))
    }

    @Test("an adaptive feed polls at half its publishing gap within min and max; others keep their interval")
    func pollInterval() {
        let url = URL(string: "https://w.example/rss")!
        let fixed = FeedConfig(name: "f", url: url, interval: .seconds(600))
        let adaptive = FeedConfig(
            name: "a", url: url, interval: .seconds(600),
            adaptive: AdaptiveInterval(min: .seconds(300), max: .seconds(7200)))
        #expect(fixed.pollInterval(publishingGap: .seconds(60)) == .seconds(600))
        #expect(adaptive.pollInterval(publishingGap: .seconds(3600)) == .seconds(1800))
        #expect(adaptive.pollInterval(publishingGap: .seconds(60)) == .seconds(300))
        #expect(adaptive.pollInterval(publishingGap: AdaptiveInterval.window) == .seconds(7200))
        // Until a gap is known, the configured interval within the bounds.
        #expect(adaptive.pollInterval(publishingGap: nil) == .seconds(600))
        let start = Date(timeIntervalSince1970: 0)
        let due = Schedule.nextDue(adaptive, after: start, publishingGap: .seconds(3600), jitter: 0.1)
        #expect(abs(due.timeIntervalSince(start) - 1980) < 0.001)
        // Server hints stay lower bounds.
        let hinted = Schedule.nextDue(
            adaptive, after: start, freshFor: .seconds(5000), publishingGap: .seconds(60), jitter: 0)
        #expect(hinted.timeIntervalSince(start) == 5000)
    }

    @Test("adaptive_interval is read as true, false or {min, max}, in defaults and per feed, and checked")
    func config() throws {
        let text = """
            defaults:
              adaptive_interval: {min: 2m, max: 3h}
            feeds:
              - name: inherits
                url: https://a.example/rss
              - name: own
                url: https://b.example/rss
                adaptive_interval: true
              - name: off
                url: https://c.example/rss
                adaptive_interval: false
            rules:
              - name: r
                query: Syria
            sinks:
              - name: out
                type: stdout
            """
        let config = try ConfigLoader.parse(text, file: "/etc/herald/herald.yaml")
        #expect(config.feeds[0].adaptive == AdaptiveInterval(min: .seconds(120), max: .seconds(10_800)))
        #expect(config.feeds[1].adaptive == AdaptiveInterval())
        #expect(config.feeds[2].adaptive == nil)

        func problems(_ yaml: String) -> [String] {
            do {
                _ = try ConfigLoader.parse(yaml, file: "/etc/herald/herald.yaml")
                return []
            } catch {
                return error.problems.map { "\($0.path): \($0.message)" }
            }
        }
        let bad = problems(text.replacingOccurrences(of: "{min: 2m, max: 3h}", with: "{min: 10s, every: 5m}"))
        #expect(bad.contains("defaults.adaptive_interval.min: at least 30s, to respect publishers"))
        #expect(bad.contains { $0.hasPrefix("defaults.adaptive_interval.every: unknown key") })
        let inverted = problems(text.replacingOccurrences(of: "{min: 2m, max: 3h}", with: "{min: 2h, max: 1h}"))
        #expect(inverted == ["defaults.adaptive_interval.max: must not be shorter than min"])
        #expect(
            problems(text.replacingOccurrences(of: "adaptive_interval: true", with: "adaptive_interval: often")) == [
                "feeds[1].adaptive_interval: 'often' is not true or false"
            ])
    }

    /// An RSS document with items published at the given dates.
    static func rss(_ dates: [Date]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let items = dates.enumerated().map { index, date in
            """
            <item><guid>n-\(index)</guid><title>Market report \(index)</title>
              <link>https://n.example/\(index)</link><pubDate>\(formatter.string(from: date))</pubDate></item>
            """
        }
        return """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Newswire</title>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """
    }

    @Test("through a real poll: hourly, busy and quiet feeds get their own interval, kept across a 304")
    func throughPolls() async throws {
        let now = Date()
        let hourly = Self.rss((1...10).map { now.addingTimeInterval(-Double($0) * 3600) })
        let busy = Self.rss((1...20).map { now.addingTimeInterval(-Double($0) * 60) })
        let quiet = Self.rss((1...5).map { now.addingTimeInterval(-Double($0) * 30 * 86_400) })
        let server = try TestHTTPServer { request in
            if request.header("If-None-Match") == "\"v1\"" { return .init(status: 304) }
            let body =
                switch request.path {
                case "/hourly", "/fixed": hourly
                case "/busy": busy
                default: quiet
                }
            return .init(headers: [("ETag", "\"v1\"")], text: body)
        }
        let bounds = AdaptiveInterval(min: .seconds(300), max: .seconds(6 * 3600))
        func feed(_ name: String, adaptive: AdaptiveInterval?) -> FeedConfig {
            FeedConfig(
                name: name, url: server.url("/\(name)"), interval: .seconds(600), allowPrivateNetwork: true,
                adaptive: adaptive)
        }
        let workspace = try Workspace()
        let config = HeraldConfig(
            file: workspace.path("h.yaml"),
            feeds: [
                feed("hourly", adaptive: bounds), feed("busy", adaptive: bounds), feed("quiet", adaptive: bounds),
                feed("fixed", adaptive: nil),
            ],
            rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery)],
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))])
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)

        func waits(at time: Date) async throws -> [String: Double] {
            var result: [String: Double] = [:]
            for name in ["hourly", "busy", "quiet", "fixed"] {
                let due = try #require(try await herald.store.feedState(name)?.nextDueAt)
                result[name] = due.timeIntervalSince(time)
            }
            return result
        }
        func expectIntervals(_ waits: [String: Double]) {
            // Base interval plus up to 10 % jitter.
            #expect((1800...1980.5).contains(waits["hourly"] ?? 0), "hourly: half an hour, got \(waits)")
            #expect((300...330.5).contains(waits["busy"] ?? 0), "busy: the 5-minute floor, got \(waits)")
            #expect((21_600...23_760.5).contains(waits["quiet"] ?? 0), "quiet: the 6-hour ceiling, got \(waits)")
            #expect((600...660.5).contains(waits["fixed"] ?? 0), "fixed: its own 10 minutes, got \(waits)")
        }
        _ = await herald.poll(now: { now })
        expectIntervals(try await waits(at: now))
        // A 304 carries no dates: the remembered gap still sets the interval.
        let later = now.addingTimeInterval(1)
        _ = await herald.poll(now: { later })
        #expect(server.requests.filter { $0.header("If-None-Match") == "\"v1\"" }.count == 4)
        expectIntervals(try await waits(at: later))

        let report = try await StatusReport.build(config: config, store: herald.store, now: later)
        let byName = Dictionary(uniqueKeysWithValues: report.feeds.map { ($0.name, $0) })
        // Feed dates are whole seconds, so the gap is an hour give or take one.
        #expect(abs((byName["hourly"]?.interval ?? 0) - 1800) < 1)
        #expect(byName["hourly"]?.adaptive == true)
        #expect(byName["fixed"]?.interval == 600)
        #expect(byName["fixed"]?.adaptive == false)
        #expect(report.renderText(now: later).contains("~30m"))
        await herald.shutdown()
    }
}
