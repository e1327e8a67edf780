import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// The bundled offline demo, exactly as `scripts/demo` runs it.
@Suite("The offline demo")
struct DemoTests {
    static let demoConfig = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/demo.yaml").path

    /// The items of `config/demo/` that report the Paris talks, by feed and link — written down
    /// when the sample feeds were, not taken from Herald's output.
    static let talks: Set<String> = [
        "wire-en https://levantwire.example/2026/01/05/syria-israel-paris-talks",
        "wire-en https://levantwire.example/2026/01/06/barrack-de-escalation-channel",
        "opposition-en https://syriaexile.example/2026/01/shaibani-paris-barrak",
        "opposition-en https://syriaexile.example/2026/01/opinion-no-security-deal",
        "arabic-news https://shambulletin.example/news/2026/01/05/shaibani-paris",
        "arabic-news https://shambulletin.example/news/2026/01/06/shaibani-statement",
        "arabic-news https://shambulletin.example/news/2026/01/06/barrack-progress",
        "regional-ar https://mashreqtribune.example/ar/news/88135",
        "regional-ar https://mashreqtribune.example/ar/news/88121",
    ]

    @Test("the demo records every talks item in English and Arabic, nothing else, once; one alert per story")
    func demo() async throws {
        let config = try ConfigLoader.load(path: Self.demoConfig)
        #expect(config.feeds.count == 4)
        #expect(config.feeds.allSatisfy { $0.allowFile })
        let workspace = try Workspace()
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("demo.sqlite")), logger: testLogger)

        let first = await herald.poll()
        #expect(first.failures.isEmpty)
        #expect(first.newItems == 21)
        // Every talks item is recorded once: as its story's alert or as a quiet follow-up of it.
        let recorded = try await herald.store.alerts().filter { $0.kind == .match || $0.kind == .followUp }
        #expect(Set(recorded.map { "\($0.feed) \($0.link ?? "")" }) == Self.talks)
        #expect(recorded.count == Self.talks.count)
        // Only a story's first report is sent; the outlets that follow are gathered, not pinged.
        #expect(first.alerts.allSatisfy { $0.kind == .match })
        #expect(first.alerts.count < Self.talks.count)
        // The README's promise: the nine talks items over two days are one story, one alert.
        #expect(first.alerts.count == 1, "\(first.alerts.map(\.title))")
        #expect(first.alerts.allSatisfy { $0.story?.id != nil })
        // No story mixes a talks report with another (fashion week in Paris, a festival in Damascus).
        for story in try await herald.store.stories(since: .distantPast) {
            let talks = story.reports.map { Self.talks.contains("\($0.feed) \($0.link ?? "")") }
            #expect(Set(talks).count == 1, "\(story.reports.map(\.title))")
        }

        let second = await herald.poll()
        #expect(second.failures.isEmpty)
        #expect(second.newItems == 0)
        #expect(second.alerts.isEmpty)
        await herald.shutdown()
    }
}
