import Foundation
import HeraldCore
import HeraldTestSupport
import Synchronization
import Testing

@testable import HeraldDaemon

/// Feeds on a loopback server whose content a test changes between polls.
final class FeedBoard: Sendable {
    struct Entry: Sendable {
        var title: String
        var body: String
        var link: String
        var published: Date
    }

    private let feeds = Locked<[String: [Entry]]>([:])
    private let delays = Locked<[String: TimeInterval]>([:])
    let server: TestHTTPServer

    init() throws {
        let feeds = self.feeds
        let delays = self.delays
        server = try TestHTTPServer { request in
            let name = String(request.path.split(separator: "/").last ?? "")
            // A slow publisher: the server's connection thread waits, not the poll.
            if let delay = delays.value[name] { Thread.sleep(forTimeInterval: delay) }
            let entries = feeds.value[name] ?? []
            return .init(headers: [("Content-Type", "application/rss+xml")], text: FeedBoard.rss(name, entries))
        }
    }

    func publish(_ feed: String, _ entries: [Entry]) {
        feeds.value[feed, default: []] += entries
    }

    /// Makes `feed` answer `delay` seconds late.
    func slow(_ feed: String, by delay: TimeInterval) {
        delays.value[feed] = delay
    }

    func feedConfig(_ name: String) -> FeedConfig {
        FeedConfig(
            name: name, url: server.url("/feeds/\(name)"), firstPollWindow: nil, allowPrivateNetwork: true)
    }

    static func rss(_ title: String, _ entries: [Entry]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let items = entries.map { entry in
            """
            <item><guid>\(escape(entry.link))</guid><title>\(escape(entry.title))</title>
            <link>\(escape(entry.link))</link><description>\(escape(entry.body))</description>
            <pubDate>\(formatter.string(from: entry.published))</pubDate></item>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>\(escape(title))</title>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Stories through the whole pipeline: loopback feeds, `herald poll`, a real SQLite file, sinks.
@Suite("Stories end to end")
struct StoryEndToEndTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_780_000)  // 2026-01-07 10:00 UTC

    static let aliases = """
        @syria = { en: Syria | Syrian | Damascus ; ar: سوري* | دمشق }
        @israel = { en: Israel | Israeli ; ar: إسرائيل* }
        @shaibani = { en: al-Shaibani | Shaibani ; ar: الشيباني }
        @dermer = { en: Dermer ; ar: ديرمر }
        @barrack = { en: Barrack ; ar: براك }
        @paris = { en: Paris ; ar: باريس }
        """

    static let talksEN = FeedBoard.Entry(
        title: "Syria and Israel open security talks in Paris",
        body: "Syrian Foreign Minister Asaad al-Shaibani met Israeli minister Ron Dermer in Paris, with US envoy "
            + "Tom Barrack mediating. The talks focused on the 1974 disengagement line.",
        link: "https://levantwire.example/101", published: t0.addingTimeInterval(-600))
    static let strikeEN = FeedBoard.Entry(
        title: "Israeli strikes hit weapons depots near Damascus airport",
        body: "Israeli warplanes struck depots near Damascus International Airport; a monitor said 4 soldiers "
            + "were killed and flights were suspended.",
        link: "https://levantwire.example/102", published: t0.addingTimeInterval(-300))
    static let talksAR = FeedBoard.Entry(
        title: "الشيباني وديرمر يعقدان محادثات أمنية في باريس",
        body: "التقى وزير الخارجية السوري أسعد الشيباني الوزير الإسرائيلي رون ديرمر في باريس بوساطة المبعوث "
            + "الأمريكي توم براك وبحثا خط فض الاشتباك لعام 1974.",
        link: "https://shambulletin.example/201", published: t0.addingTimeInterval(300))
    static let talksGulf = FeedBoard.Entry(
        title: "Paris hosts rare Syria-Israel security meeting with envoy Barrack",
        body: "Shaibani and Dermer met in Paris under US mediation by Tom Barrack, discussing a de-escalation "
            + "framework along the 1974 line.",
        link: "https://gulfdaily.example/301", published: t0.addingTimeInterval(400))

    func build(_ board: FeedBoard, workspace: Workspace, policy: StoryPolicy) throws -> Herald {
        var config = HeraldConfig(
            file: workspace.path("herald.yaml"),
            feeds: ["wire-en", "sham-ar", "gulf-en"].map(board.feedConfig),
            rules: [RuleConfig(name: "syria-israel", query: "@syria @israel", story: policy)],
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))],
            aliases: try AliasTable(parsing: Self.aliases))
        config.storyWindow = .seconds(72 * 3600)
        return try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("state.sqlite")), logger: testLogger)
    }

    @Test("within one poll, a story's first alert is its earliest report, whichever feed answers first")
    func pollOrder() async throws {
        let board = try FeedBoard()
        let workspace = try Workspace()
        let herald = try build(board, workspace: workspace, policy: StoryPolicy())
        // The earliest report comes from the slowest feed; the two later ones arrive first.
        board.publish("gulf-en", [Self.talksEN])
        board.publish("sham-ar", [Self.talksAR])
        board.publish("wire-en", [Self.talksGulf])
        board.slow("gulf-en", by: 0.5)
        let report = await herald.poll(now: { Self.t0.addingTimeInterval(600) })
        #expect(report.failures.isEmpty)
        #expect(report.newItems == 3)
        #expect(report.alerts.map(\.link) == [Self.talksEN.link])
        let first = try #require(report.alerts.first)
        let followUps = try await herald.store.alerts().filter { $0.kind == .followUp }
        #expect(Set(followUps.compactMap(\.link)) == [Self.talksAR.link, Self.talksGulf.link])
        #expect(followUps.allSatisfy { $0.story?.followUpOf == first.id && $0.story?.id == first.story?.id })
        await herald.shutdown()
    }

    @Test("first report alerts at once; other outlets' reports are quiet follow-ups; one update after the interval")
    func quietFollowUps() async throws {
        let board = try FeedBoard()
        let workspace = try Workspace()
        let herald = try build(board, workspace: workspace, policy: StoryPolicy())
        board.publish("wire-en", [Self.talksEN, Self.strikeEN])
        let first = await herald.poll(now: { Self.t0 })
        #expect(first.failures.isEmpty)
        #expect(first.alerts.map(\.kind) == [.match, .match])
        let talks = try #require(first.alerts.first { $0.link == Self.talksEN.link })
        let strike = try #require(first.alerts.first { $0.link == Self.strikeEN.link })
        #expect(talks.story?.id != strike.story?.id)
        #expect(talks.story?.sources == 1)
        #expect(talks.story?.outlets == ["wire-en"])

        board.publish("sham-ar", [Self.talksAR])
        board.publish("gulf-en", [Self.talksGulf])
        let second = await herald.poll(now: { Self.t0.addingTimeInterval(600) })
        #expect(second.newItems == 2)
        #expect(second.alerts.isEmpty, "follow-ups are quiet: \(second.alerts.map(\.title))")
        let followUps = try await herald.store.alerts().filter { $0.kind == .followUp }
        #expect(Set(followUps.compactMap(\.link)) == [Self.talksAR.link, Self.talksGulf.link])
        for followUp in followUps {
            #expect(followUp.story?.id == talks.story?.id)
            #expect(followUp.story?.followUpOf == talks.id)
        }
        let last = try #require(followUps.max { ($0.story?.items ?? 0) < ($1.story?.items ?? 0) })
        #expect(last.story?.sources == 3)
        #expect(last.story?.languages == ["ar", "en"])

        // Within the interval nothing is sent; once it has passed, one update gathers both outlets.
        #expect(await herald.poll(now: { Self.t0.addingTimeInterval(1200) }).alerts.isEmpty)
        let later = await herald.poll(now: { Self.t0.addingTimeInterval(3700) })
        #expect(later.alerts.map(\.kind) == [.storyUpdate])
        #expect(later.alerts.first?.title.hasPrefix("Also reported by 2 outlets: ") == true)
        #expect(later.alerts.first?.story?.followUpOf == talks.id)
        #expect(await herald.poll(now: { Self.t0.addingTimeInterval(9000) }).alerts.isEmpty)

        _ = await herald.deliver()
        let lines = try workspace.alertLines("alerts.jsonl")
        #expect(lines.map { $0["kind"] as? String } == ["match", "match", "story-update"])
        let story = try #require(lines.last?["story"] as? [String: Any])
        #expect(story["sources"] as? Int == 3)
        #expect(story["outlets"] as? [String] == ["wire-en", "sham-ar", "gulf-en"])
        await herald.shutdown()
    }

    @Test("followups: each sends every later report at once, attached to the first alert")
    func eachFollowUp() async throws {
        let board = try FeedBoard()
        let workspace = try Workspace()
        let herald = try build(board, workspace: workspace, policy: StoryPolicy(followUps: .each))
        board.publish("wire-en", [Self.talksEN])
        let first = await herald.poll(now: { Self.t0 })
        let talks = try #require(first.alerts.first)
        board.publish("sham-ar", [Self.talksAR])
        let second = await herald.poll(now: { Self.t0.addingTimeInterval(600) })
        #expect(second.alerts.map(\.kind) == [.followUp])
        #expect(second.alerts.first?.story?.followUpOf == talks.id)
        #expect(second.alerts.first?.story?.languages == ["ar", "en"])
        await herald.shutdown()
    }

    @Test("min_sources: 3 holds the story until a third outlet carries it, then alerts once")
    func minimumSources() async throws {
        let board = try FeedBoard()
        let workspace = try Workspace()
        let herald = try build(board, workspace: workspace, policy: StoryPolicy(minSources: 3))
        board.publish("wire-en", [Self.talksEN])
        #expect(await herald.poll(now: { Self.t0 }).alerts.isEmpty)
        board.publish("sham-ar", [Self.talksAR])
        #expect(await herald.poll(now: { Self.t0.addingTimeInterval(600) }).alerts.isEmpty)
        #expect(try await herald.store.alerts().map(\.kind) == [.held, .held])
        board.publish("gulf-en", [Self.talksGulf])
        let third = await herald.poll(now: { Self.t0.addingTimeInterval(1200) })
        #expect(third.alerts.map(\.kind) == [.match])
        #expect(third.alerts.first?.link == Self.talksGulf.link)
        #expect(third.alerts.first?.story?.sources == 3)
        await herald.shutdown()
    }

    @Test("the stories survive a restart: a report after it still joins the story recorded before")
    func restart() async throws {
        let board = try FeedBoard()
        let workspace = try Workspace()
        var herald = try build(board, workspace: workspace, policy: StoryPolicy())
        board.publish("wire-en", [Self.talksEN])
        let talks = try #require(await herald.poll(now: { Self.t0 }).alerts.first)
        await herald.shutdown()
        herald = try build(board, workspace: workspace, policy: StoryPolicy())
        board.publish("gulf-en", [Self.talksGulf])
        #expect(await herald.poll(now: { Self.t0.addingTimeInterval(600) }).alerts.isEmpty)
        let followUp = try #require(try await herald.store.alerts().first { $0.kind == .followUp })
        #expect(followUp.story?.followUpOf == talks.id)
        let stories = try await herald.store.stories(since: Self.t0.addingTimeInterval(-86_400))
        #expect(stories.count == 1)
        #expect(stories.first?.outlets == ["wire-en", "gulf-en"])
        await herald.shutdown()
    }

    @Test("a running daemon's window sees the story a one-shot poll recorded on the same state file")
    func twoProcesses() async throws {
        let board = try FeedBoard()
        let workspace = try Workspace()
        // Two Heralds on one file, as the daemon and a `herald poll` beside it: each its own window.
        let daemon = try build(board, workspace: workspace, policy: StoryPolicy())
        let oneShot = try build(board, workspace: workspace, policy: StoryPolicy())
        // The daemon builds its window with a report of another story.
        board.publish("wire-en", [Self.strikeEN])
        #expect(await daemon.poll(now: { Self.t0 }).alerts.map(\.link) == [Self.strikeEN.link])
        // The one-shot poll finds the talks first and records their story.
        board.publish("wire-en", [Self.talksEN])
        let talks = try #require(await oneShot.poll(now: { Self.t0.addingTimeInterval(300) }).alerts.first)
        #expect(talks.link == Self.talksEN.link)
        await oneShot.shutdown()
        // The daemon's next report of the talks is a follow-up of that alert, not a story of its own.
        board.publish("gulf-en", [Self.talksGulf])
        let next = await daemon.poll(now: { Self.t0.addingTimeInterval(600) })
        #expect(next.failures.isEmpty)
        #expect(next.alerts.isEmpty, "\(next.alerts.map(\.title))")
        let followUp = try #require(try await daemon.store.alerts().first { $0.link == Self.talksGulf.link })
        #expect(followUp.kind == .followUp)
        #expect(followUp.story?.followUpOf == talks.id)
        #expect(followUp.story?.outlets == ["wire-en", "gulf-en"])
        await daemon.shutdown()
    }
}
