import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Prints, for the evaluation parts named in `HERALD_STORY_TRACE` (`0` the tuning part, `1`… the
/// held-out parts; e.g. `HERALD_STORY_TRACE=2,4`), each item's real story next to the story
/// Herald gives it, with the reason and score, so that wrong links and splits can be read. Does
/// nothing without the variable: it is a tool for working on the clustering, not a check.
@Suite("Story evaluation trace")
struct StoryTraceTests {
    @Test("prints predicted and real stories per item for the parts HERALD_STORY_TRACE names")
    func trace() throws {
        guard let value = ProcessInfo.processInfo.environment["HERALD_STORY_TRACE"] else { return }
        for part in value.split(separator: ",").compactMap({ Int($0) }) {
            let items = try part == 0 ? EvaluationSet.items() : EvaluationSet.heldOutItems(part: part)
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
            print("trace of part \(part):")
            for (gold, name, line) in lines {
                let owner = majority[name]?.max { $0.value < $1.value }?.key
                print((owner == gold ? "   " : "!! ") + line)
            }
        }
    }
}
