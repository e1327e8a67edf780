import Foundation
import GRDB
import HeraldCore
import Synchronization
import Testing

@testable import HeraldStore

@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error {}

    @Test("concurrent writes share transactions; a failing one is rolled back alone and gets its own error")
    func concurrentWrites() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<300 {
                group.addTask {
                    do {
                        try await store.write { db in
                            try db.execute(sql: "INSERT INTO feed_state (feed) VALUES (?)", arguments: ["f\(index)"])
                            if index % 10 == 0 { throw Refused() }
                        }
                        return (index, true)
                    } catch let error as StoreError {
                        #expect(error.description.contains("Refused"))
                        return (index, false)
                    }
                }
            }
            var all: [Int: Bool] = [:]
            for try await (index, ok) in group { all[index] = ok }
            return all
        }
        #expect(outcomes.count == 300)
        #expect(outcomes.filter { !$0.value }.keys.sorted() == Array(stride(from: 0, to: 300, by: 10)))
        let stored = try await store.read { db in try String.fetchAll(db, sql: "SELECT feed FROM feed_state") }
        #expect(Set(stored) == Set((0..<300).filter { $0 % 10 != 0 }.map { "f\($0)" }))
    }

    @Test("a write sees the writes queued before it, in order")
    func order() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        async let first: Void = store.write { db in
            try db.execute(sql: "INSERT INTO feed_state (feed, items_seen) VALUES ('wire', 1)")
        }
        try await first
        let seen = try await store.write { db in
            try db.execute(sql: "UPDATE feed_state SET items_seen = items_seen + 1 WHERE feed = 'wire'")
            return try Int.fetchOne(db, sql: "SELECT items_seen FROM feed_state WHERE feed = 'wire'")
        }
        #expect(seen == 2)
    }

    /// The writer's `synchronous` level while a write runs: 2 is FULL, 1 NORMAL.
    static func level(_ db: Database) throws -> Int? { try Int.fetchOne(db, sql: "PRAGMA synchronous") }

    @Test("a transaction of relaxed writes commits with synchronous=NORMAL; one with any durable write, FULL")
    func durability() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        #expect(try await store.write { try Self.level($0) } == 2)
        #expect(try await store.write(durable: false) { try Self.level($0) } == 1)
        #expect(try await store.write { try Self.level($0) } == 2)
        // A relaxed and a durable write queued behind one transaction share the next: FULL.
        let commits = store.commits
        let running = Mutex(false)
        async let holder: Int? = store.write(durable: false) { db in
            running.withLock { $0 = true }
            let start = ContinuousClock.now
            while commits.queued < 2 && ContinuousClock.now - start < .seconds(10) { usleep(1_000) }
            return try Self.level(db)
        }
        while !running.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) }
        async let relaxed: Int? = store.write(durable: false) { try Self.level($0) }
        async let durable: Int? = store.write { try Self.level($0) }
        #expect(try await holder == 1)
        #expect(try await relaxed == 2)
        #expect(try await durable == 2)
        #expect(try await store.write(durable: false) { try Self.level($0) } == 1)
    }

    @Test("a fetch is committed relaxed only when it records no alert, notice or story")
    func relaxedFetches() {
        let plain = FetchRecord(
            feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
            items: [judged("g1", title: "Aleppo weather"), judged("g2", title: "Bread prices")])
        #expect(plain.isRelaxed)
        var alerting = plain
        alerting.items.append(judged("g3", title: "Shaibani in Paris", rule: "talks"))
        #expect(!alerting.isRelaxed)
        var notice = plain
        notice.recoveredNotice = alerting.items[2].alerts[0]
        #expect(!notice.isRelaxed)
        var story = plain
        story.items[0].story = StoryStamp(
            storyID: "s1", language: "en", reason: "new", score: 0, source: nil, body: "Aleppo weather", at: t0,
            policies: [:])
        #expect(!story.isRelaxed)
    }
}
