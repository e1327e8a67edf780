import Foundation
import GRDB
import HeraldCore
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
}
