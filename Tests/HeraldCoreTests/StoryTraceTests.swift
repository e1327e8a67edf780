import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Each evaluation part's assignments, item by item: the same for two fresh clusterers (the figures in
/// docs/stories.md do not move), and printed for the parts named in `HERALD_STORY_TRACE` (`0` the
/// tuning part, `1`… the held-out parts; e.g. `HERALD_STORY_TRACE=2,4`): each item's real story next
/// to the story Herald gives it, with the reason and score, so that wrong links and splits can be
/// read.
@Suite("Story evaluation trace")
struct StoryTraceTests {
    static let parts = [0, 1] + EvaluationSet.printedHeldOutParts

    @Test(
        "a part's assignments are the same on every run, and printed when HERALD_STORY_TRACE names it",
        arguments: parts)
    func trace(part: Int) throws {
        let first = try Self.trace(part: part)
        let second = try Self.trace(part: part)
        #expect(first.map(\.line) == second.map(\.line), "part \(part) assigned differently on a second run")
        let named =
            ProcessInfo.processInfo.environment["HERALD_STORY_TRACE"]?.split(separator: ",")
            .compactMap { Int($0) } ?? []
        guard named.contains(part) else { return }
        print("trace of part \(part):")
        for entry in first { print((entry.correct ? "   " : "!! ") + entry.line) }
    }

    static func items(part: Int) throws -> [EvaluationItem] {
        try part == 0 ? EvaluationSet.items() : EvaluationSet.heldOutItems(part: part)
    }

    /// One line per item in time order, and whether the item's real story is the one most items of
    /// its predicted story belong to.
    static func trace(part: Int) throws -> [(line: String, correct: Bool)] {
        let items = try Self.items(part: part)
        var clusterer = StoryClusterer(concepts: try EvaluationSet.concepts())
        let ruleConcepts = Set(EvaluationSet.deskRuleAliases)
        var shortName: [String: String] = [:]
        var majority: [String: [String: Int]] = [:]
        var lines: [(String, String, String)] = []
        for item in items {
            let found = clusterer.assign(
                StoryItem(
                    key: item.id, title: item.title, body: item.body, link: item.link, time: item.published,
                    ruleConcepts: ruleConcepts))
            let name = shortName[found.storyID] ?? "p\(shortName.count + 1)"
            shortName[found.storyID] = name
            let merged = found.merged.compactMap { shortName[$0] }
            majority[name, default: [:]][item.story, default: 0] += 1
            let line = String(
                format: "%@ %@ %@ %@ %@ %-14@ %.3f  %@", item.id, item.story, item.language,
                item.published.formatted(.iso8601.month().day().time(includingFractionalSeconds: false)),
                name + (merged.isEmpty ? "" : "<" + merged.joined(separator: "+")), found.reason.rawValue,
                found.score, String(item.title.prefix(70)))
            lines.append((item.story, name, line))
        }
        return lines.map { gold, name, line in
            let owner = majority[name]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            return (line, owner == gold)
        }
    }
}
