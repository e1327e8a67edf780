import Foundation
import HeraldCore
import Testing

@testable import HeraldStore

@Suite("Retention")
struct RetentionTests {
    @Test("old history goes, identity keys stay as tombstones, alerts still pending are kept")
    func prune() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        try await recordTalks(3, in: store)
        let claimed = try await store.claim(sink: "console", owner: "test", now: t0)
        try await store.markDelivered(claimed[0], at: t0 + 10)
        try await store.markDelivered(claimed[1], at: t0 + 10)
        try await store.releaseLeases(owner: "test")
        let before = try await store.statistics()

        // Everything is older than a cutoff an hour from now.
        let report = try await store.prune(before: Date() + 3600)
        #expect(report == PruneReport(itemsTrimmed: 3, alertsRemoved: 2, deliveriesRemoved: 2))
        let after = try await store.statistics()
        #expect(after.items == 3)
        #expect(after.identityKeys == before.identityKeys)
        #expect(after.alerts == 1)
        #expect(after.pendingDeliveries == 1)
        #expect(try await store.alerts().map(\.title) == ["talks 3"])

        // The pruned items are still known: the same items again are not new and raise nothing.
        let again = try await store.record(
            FetchRecord(
                feed: "wire", etag: nil, lastModified: nil, at: t0 + 20, nextDue: t0,
                items: (1...3).map { judged("g\($0)", title: "talks \($0)", rule: "talks") }))
        #expect(again.newItems == 0)
        #expect(again.alerts.isEmpty)
        // The pending alert is still delivered afterwards.
        #expect(try await store.claim(sink: "console", owner: "test", now: t0 + 30).map(\.alert.title) == ["talks 3"])
        #expect(
            try await store.prune(before: Date() + 3600)
                == PruneReport(itemsTrimmed: 0, alertsRemoved: 0, deliveriesRemoved: 0))
    }

    @Test("nothing newer than the cutoff is touched")
    func keepsRecent() async throws {
        let temp = try TemporaryStore()
        try await recordTalks(2, in: temp.store)
        let report = try await temp.store.prune(before: t0 - 86_400)
        #expect(report == PruneReport(itemsTrimmed: 0, alertsRemoved: 0, deliveriesRemoved: 0))
        #expect(try await temp.store.statistics().alerts == 2)
    }
}
