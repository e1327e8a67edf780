import Foundation
import HeraldCore
import Testing

@testable import HeraldStore

@Suite("Stories in the state file")
struct StoryStoreTests {
    func stamped(_ guid: String, story: String, at: Date, policy: StoryPolicy = StoryPolicy()) -> JudgedItem {
        var item = judged(guid, link: "https://wire.example/\(guid)", title: "talks \(guid)", rule: "talks")
        item.story = StoryStamp(
            storyID: story, language: "en", reason: "similar", score: 0.5, source: nil, body: "text of \(guid)",
            at: at, policies: ["talks": policy])
        return item
    }

    func record(_ items: [JudgedItem], feed: String, at: Date, in store: HeraldStore) async throws -> [Alert] {
        try await store.record(
            FetchRecord(feed: feed, etag: nil, lastModified: nil, at: at, nextDue: at, items: items)
        ).alerts
    }

    @Test("one alert per (rule, story): later reports are recorded follow-ups with no outbox rows")
    func followUps() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        let first = try await record([stamped("a1", story: "s1", at: t0)], feed: "wire", at: t0, in: store)
        #expect(first.map(\.kind) == [.match])
        let second = try await record(
            [stamped("b1", story: "s1", at: t0 + 60), stamped("b2", story: "s2", at: t0 + 60)], feed: "gulf",
            at: t0 + 60, in: store)
        #expect(second.map(\.kind) == [.match])
        #expect(second.first?.story?.id == "s2")
        let stored = try await store.alerts()
        let followUp = try #require(stored.first { $0.kind == .followUp })
        #expect(followUp.story?.followUpOf == first.first?.id)
        #expect(followUp.story?.outlets == ["wire", "gulf"])
        #expect(try await store.claim(sink: "console", owner: "t", now: t0 + 120).count == 2)
    }

    @Test("a folded story's reports become the other story's, and its alert takes that story's follow-ups")
    func fold() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        let first = try await record([stamped("a1", story: "s1", at: t0)], feed: "wire", at: t0, in: store)
        let second = try await record([stamped("b1", story: "s2", at: t0 + 60)], feed: "gulf", at: t0 + 60, in: store)
        #expect(first.map(\.kind) == [.match])
        #expect(second.map(\.kind) == [.match])
        // s2 into s1: both have their alert; s1 keeps its own. s1 into s9 (no alert yet): s9 takes s1's.
        try await store.foldStories([(into: "s1", from: ["s2"])])
        try await store.foldStories([(into: "s9", from: ["s1"])])
        let reports = try await store.storyWindow(since: .distantPast).reports
        #expect(reports.map(\.storyID) == ["s9", "s9"])
        #expect(try await store.stories(since: .distantPast).map(\.id) == ["s9"])
        let later = try await record(
            [stamped("c1", story: "s9", at: t0 + 120)], feed: "levant", at: t0 + 120, in: store)
        #expect(later.isEmpty)
        let followUp = try #require(try await store.alerts().first { $0.kind == .followUp })
        #expect(followUp.story?.followUpOf == first.first?.id)
        #expect(followUp.story?.outlets == ["wire", "gulf", "levant"])
        // The alerts already sent stay as they were.
        #expect(try await store.alerts().filter { $0.kind == .match }.count == 2)
    }

    @Test("the change log gives another window the reports and folds of other writers, in order, and is pruned")
    func changes() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        #expect(try await store.storyChangeMark() == 0)
        var own = stamped("a1", story: "s1", at: t0)
        own.story?.writer = "daemon"
        _ = try await record([own], feed: "wire", at: t0, in: store)
        let built = try await store.storyWindow(since: .distantPast)
        #expect(built.reports.map(\.storyID) == ["s1"])
        var other = stamped("b1", story: "s2", at: t0 + 60)
        other.story?.writer = "poll"
        _ = try await record([other], feed: "gulf", at: t0 + 60, in: store)
        try await store.foldStories([(into: "s1", from: ["s2"])], writer: "poll", at: t0 + 60)
        #expect(try await store.storyChangeMark() > built.mark)
        let seen = try await store.storyChanges(after: built.mark, notBy: "daemon")
        #expect(seen.mark == (try await store.storyChangeMark()))
        #expect(seen.changes.count == 2)
        guard case .joined(let report) = seen.changes.first else {
            Issue.record("expected the report first: \(seen.changes)")
            return
        }
        // The report as it joined (s2), before the fold that follows it in the log.
        #expect(report.storyID == "s2")
        #expect(report.body == "text of b1")
        #expect(seen.changes.last == .folded("s2", into: "s1"))
        // A window reads nothing of its own, and nothing before its mark.
        #expect(try await store.storyChanges(after: built.mark, notBy: "poll").changes.isEmpty)
        #expect(try await store.storyChanges(after: seen.mark, notBy: "daemon").changes.isEmpty)
        _ = try await store.prune(before: t0 + 73 * 3600)
        #expect(try await store.storyChanges(after: 0, notBy: "").changes.isEmpty)
    }

    @Test("story reports and their rule state are pruned 72 hours after the retention cutoff")
    func prune() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        _ = try await record([stamped("a1", story: "s1", at: t0)], feed: "wire", at: t0, in: store)
        _ = try await store.prune(before: t0 + 3600)
        #expect(try await store.storyWindow(since: .distantPast).reports.count == 1)
        _ = try await store.prune(before: t0 + 73 * 3600)
        #expect(try await store.storyWindow(since: .distantPast).reports.isEmpty)
        #expect(try await store.stories(since: .distantPast).isEmpty)
    }
}
