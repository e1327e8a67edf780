import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// The story evaluation set (`Tests/StoryEvaluation`) replayed through `herald poll`: one loopback
/// feed per outlet, each report published at its time, a poll every three hours of the set's
/// weeks, a real SQLite file.
@Suite("Story evaluation replay")
struct StoryReplayTests {
    @Test("replaying the evaluation set through herald poll: alerts per real story and follow-ups attached")
    func replay() async throws {
        let result = try await Self.replay(EvaluationSet.items(), name: "story replay")
        #expect(result.realStories >= 10)
        #expect(result.reports >= 300)
        // The goal is at most 1.1 alerts per story with 95 % of follow-ups attached. Stories do
        // not depend on the order feeds finish in, so every run gives the same figures: 15 alerts
        // for 14 stories (1.07), all follow-ups attached (docs/stories.md).
        #expect(result.perStory <= 1.1)
        #expect(result.attachedShare >= 0.99)
    }

    @Test("replaying the held-out part through herald poll: its figures are printed")
    func replayHeldOut() async throws {
        let result = try await Self.replay(EvaluationSet.heldOutItems(), name: "held-out replay")
        #expect(result.realStories >= 5)
        // Short of the goal: 1.14 alerts per story, all follow-ups attached (docs/stories.md).
        // Bounds just past today's figures, so that they cannot get worse unnoticed.
        #expect(result.perStory <= 1.2)
        #expect(result.attachedShare >= 0.95)
    }

    @Test(
        "replaying the later held-out parts through herald poll: their figures are printed",
        arguments: EvaluationSet.printedHeldOutParts)
    func replayLaterHeldOut(part: Int) async throws {
        let result = try await Self.replay(EvaluationSet.heldOutItems(part: part), name: "held-out \(part) replay")
        // Enough of the part's six stories reach the replay to count alerts per story: the desk's
        // rule matches five of most parts' and four of held-out 14's (its Latakia ambush names no
        // alias the rule uses, and its frost story none at all).
        #expect(result.realStories >= 4)
    }

    struct Result {
        var realStories: Int
        var reports: Int
        var perStory: Double
        var attachedShare: Double
    }

    /// Replays `items` through `herald poll` and prints alerts per real story and the share of
    /// follow-ups attached to an alert of their own story.
    static func replay(_ items: [EvaluationItem], name: String) async throws -> Result {
        let aliases = try EvaluationSet.aliases()
        let outlets = Array(Set(items.map(\.outlet))).sorted()
        let feedName = Dictionary(uniqueKeysWithValues: outlets.enumerated().map { ($1, String(format: "o%02d", $0)) })

        let board = try FeedBoard()
        let workspace = try Workspace()
        let config = HeraldConfig(
            file: workspace.path("herald.yaml"),
            feeds: outlets.map { board.feedConfig(feedName[$0] ?? "") },
            rules: [
                RuleConfig(name: "syria-desk", query: EvaluationSet.deskRule)
            ],
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))],
            aliases: aliases)
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("state.sqlite")), logger: testLogger)

        let start = try #require(items.first?.published)
        let end = try #require(items.last?.published)
        var next = 0
        var clock = start
        while next < items.count {
            clock = clock.addingTimeInterval(3 * 3600)
            var due: [String: [FeedBoard.Entry]] = [:]
            while next < items.count, items[next].published <= clock {
                let item = items[next]
                due[feedName[item.outlet] ?? "", default: []].append(
                    .init(title: item.title, body: item.body, link: item.link, published: item.published))
                next += 1
            }
            for (feed, entries) in due { board.publish(feed, entries) }
            let now = clock
            let report = await herald.poll(now: { now })
            #expect(report.failures.isEmpty, "\(report.failures.map(\.message))")
        }
        #expect(clock >= end)
        let stored = try await herald.store.alerts()
        await herald.shutdown()

        let storyOfLink = Dictionary(uniqueKeysWithValues: items.map { ($0.link, $0.story) })
        let matches = stored.filter { $0.kind == .match }
        let followUps = stored.filter { $0.kind == .followUp }
        let realStories = Set((matches + followUps).compactMap { $0.link.flatMap { storyOfLink[$0] } })
        let perStory = Double(matches.count) / Double(max(realStories.count, 1))
        let linkOfAlert = Dictionary(uniqueKeysWithValues: matches.map { ($0.id, $0.link ?? "") })
        let attached = followUps.filter { followUp in
            guard let first = followUp.story?.followUpOf, let firstLink = linkOfAlert[first],
                let link = followUp.link
            else { return false }
            return storyOfLink[firstLink] == storyOfLink[link]
        }
        let attachedShare = Double(attached.count) / Double(max(followUps.count, 1))
        // A debug aid: HERALD_REPLAY_ALERTS=1 prints every first alert with its real story, so that
        // a story alerted twice can be read, and every follow-up with the alert it is attached to.
        if ProcessInfo.processInfo.environment["HERALD_REPLAY_ALERTS"] == "1" {
            let itemOfLink = Dictionary(uniqueKeysWithValues: items.map { ($0.link, $0) })
            for match in matches {
                guard let item = match.link.flatMap({ itemOfLink[$0] }) else { continue }
                print("\(name) alert: \(item.id) \(item.story) \(item.language) \(item.title.prefix(70))")
            }
            // And every follow-up with the first alert it is attached to.
            for followUp in followUps {
                guard let item = followUp.link.flatMap({ itemOfLink[$0] }) else { continue }
                let first = followUp.story?.followUpOf.flatMap { linkOfAlert[$0] }.flatMap { itemOfLink[$0] }
                print(
                    "\(name) follow-up: \(item.id) \(item.story) of \(first.map { "\($0.id) \($0.story)" } ?? "no alert")"
                )
            }
        }
        print(
            name
                + String(
                    format: ": %d items, %d real stories, %d alerts (%.2f per story), %d follow-ups, "
                        + "%.1f %% attached to their story's alert, %d story updates",
                    items.count, realStories.count, matches.count, perStory, followUps.count, attachedShare * 100,
                    stored.filter { $0.kind == .storyUpdate }.count))
        return Result(
            realStories: realStories.count, reports: matches.count + followUps.count, perStory: perStory,
            attachedShare: attachedShare)
    }
}
