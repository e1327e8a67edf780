import Foundation
import GRDB
import GRDBSQLite
import HeraldCore
import Testing

@testable import HeraldStore

@Suite("HeraldStore.releaseMemory on a real SQLite file")
struct ReleaseMemoryTests {
    /// Bytes of page cache the writer connection holds (SQLITE_DBSTATUS_CACHE_USED).
    static func writerCache(_ store: HeraldStore) -> Int32 {
        store.pool.writeWithoutTransaction { db in
            var current: Int32 = 0
            var highwater: Int32 = 0
            sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0)
            return current
        }
    }

    @Test("the writer's page cache is emptied, and the store reads and writes as before")
    func releasesAndKeepsWorking() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        try await recordTalks(3000, in: store)
        let before = Self.writerCache(store)
        #expect(before > 256 * 1024, "3,000 recorded items leave the writer's cache filled: \(before) bytes")

        await store.releaseMemory()
        let after = Self.writerCache(store)
        #expect(after < before / 4, "cache \(before) → \(after) bytes")

        // Readers reopen and writers go on: what was recorded is still known, and new items record.
        let keys = (1...3000).map { ItemIdentity.keys(feed: "wire", item: Item(guid: "g\($0)", title: "talks \($0)")) }
        let statuses = try await store.lookUp(keys).map(\.status)
        #expect(statuses.allSatisfy { $0 == .seen }, "\(Set(statuses.map { "\($0)" }))")
        _ = try await store.record(
            FetchRecord(
                feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [judged("g-after", title: "talks after the release", rule: "talks")]))
        #expect(try await store.alerts(rule: "talks").count == 3001)
    }
}
