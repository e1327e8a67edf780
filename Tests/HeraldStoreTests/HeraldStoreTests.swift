import Foundation
import HeraldCore
import Synchronization
import Testing

@testable import HeraldStore

/// A state file in a fresh temporary folder, removed when the test's value goes away.
final class TemporaryStore {
    let folder: URL
    let store: HeraldStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-store-\(UUID().uuidString)")
        store = try HeraldStore(path: folder.appendingPathComponent("nested/herald.sqlite").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

func judged(
    _ guid: String, link: String? = nil, title: String, rule: String? = nil, sinks: [String] = ["console"]
) -> JudgedItem {
    let item = Item(guid: guid, link: link, title: title)
    let keys = ItemIdentity.keys(feed: "wire", item: item)
    let alerts =
        rule.map { rule in
            [
                RoutedAlert(
                    alert: Alert(
                        id: Alert.id(rule: rule, itemKey: keys.primary), rule: rule, feed: "wire", title: title),
                    sinks: sinks)
            ]
        } ?? []
    return JudgedItem(item: item, keys: keys, status: .new, alerts: alerts)
}

/// Records `count` new items of feed "wire", each raising one "talks" alert for the console.
func recordTalks(_ count: Int, in store: HeraldStore) async throws {
    _ = try await store.record(
        FetchRecord(
            feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
            items: (1...count).map { judged("g\($0)", title: "talks \($0)", rule: "talks") }))
}

let t0 = Date(timeIntervalSince1970: 1_768_300_000)

@Suite("HeraldStore on a real SQLite file")
struct HeraldStoreTests {
    @Test("an item, its alert and its outbox rows are recorded together, and only once")
    func recordOnce() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        let batch = FetchRecord(
            feed: "wire", etag: "\"e1\"", lastModified: nil, at: t0, nextDue: t0 + 600,
            items: [
                judged("g1", title: "Shaibani and Dermer meet in Paris", rule: "talks", sinks: ["console", "archive"]),
                judged("g2", title: "Aleppo weather"),
            ])
        let first = try await store.record(batch)
        #expect(first.newItems == 2)
        #expect(first.alerts.map(\.title) == ["Shaibani and Dermer meet in Paris"])
        let second = try await store.record(batch)
        #expect(second.newItems == 0)
        #expect(second.alerts.isEmpty)
        let state = try #require(try await store.feedState("wire"))
        #expect(state.etag == "\"e1\"")
        #expect(state.itemsSeen == 2)
        #expect(try await store.backlog().map(\.sink) == ["archive", "console"])
    }

    @Test("an item is seen when any key is known: a changed guid with the same link is not new")
    func anyKeyMatches() async throws {
        let temp = try TemporaryStore()
        _ = try await temp.store.record(
            FetchRecord(
                feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [judged("g1", link: "https://example.org/a?utm_source=x", title: "A")]))
        let changed = [judged("g1-v2", link: "https://EXAMPLE.org/a#top", title: "A")]
        #expect(try await temp.store.lookUp(changed.map(\.keys)).map(\.status) == [.seen])
        let result = try await temp.store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: changed))
        #expect(result.newItems == 0)
    }

    @Test(
        "a seen item with every key stored is settled; one that gained a link is not, and recording it learns the link")
    func settledItems() async throws {
        let temp = try TemporaryStore()
        _ = try await temp.store.record(
            FetchRecord(
                feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [judged("g1", link: "https://example.org/1", title: "one"), judged("g2", title: "two")]))
        let again = [
            judged("g1", link: "https://example.org/1", title: "one"),
            judged("g2", link: "https://example.org/2", title: "two"),
            judged("g3", title: "three"),
        ]
        let lookups = try await temp.store.lookUp(again.map(\.keys), feed: "wire")
        #expect(lookups.map(\.status) == [.seen, .seen, .new])
        #expect(lookups.map(\.settled) == [true, false, false])
        var gained = again[1]
        gained.status = .seen
        _ = try await temp.store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: [gained]))
        // The link is now stored for g2: another feed's item with only that link is seen.
        let elsewhere = ItemIdentity.keys(feed: "mirror", item: Item(guid: "m2", link: "https://example.org/2"))
        #expect(try await temp.store.lookUp([elsewhere], feed: "mirror").map(\.status) == [.seen])
        #expect(try await temp.store.lookUp([gained.keys], feed: "wire").map(\.settled) == [true])
    }

    @Test(
        "a feed with nothing recorded finds links other feeds stored (the same article: seen, not edited), not their guids"
    )
    func firstFetchOfAFeed() async throws {
        let temp = try TemporaryStore()
        _ = try await temp.store.record(
            FetchRecord(
                feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [judged("g1", link: "https://example.org/1", title: "one")]))
        let sameLink = ItemIdentity.keys(feed: "mirror", item: Item(guid: "g1", link: "https://example.org/1"))
        let sameGuid = ItemIdentity.keys(feed: "mirror", item: Item(guid: "g1", title: "one"))
        #expect(try await temp.store.lookUp([sameLink, sameGuid], feed: "mirror").map(\.status) == [.seen, .new])
        let wire = ItemIdentity.keys(feed: "wire", item: Item(guid: "g1", title: "one, retitled"))
        #expect(try await temp.store.lookUp([wire], feed: "wire").map(\.status) == [.edited])
        let result = try await temp.store.record(
            FetchRecord(
                feed: "mirror", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [
                    JudgedItem(item: Item(guid: "g1", link: "https://example.org/1"), keys: sameLink, status: .seen)
                ]))
        #expect(result.newItems == 0)
        #expect(result.editedItems == 0)
        // The link's item now also has the mirror's guid, and the mirror's copy is settled.
        #expect(try await temp.store.lookUp([sameLink], feed: "mirror") == [ItemLookup(status: .seen, settled: true)])
        // That guid is found even though the mirror never recorded an item of its own.
        let moved = ItemIdentity.keys(feed: "mirror", item: Item(guid: "g1", link: "https://example.org/1-moved"))
        #expect(try await temp.store.lookUp([moved], feed: "mirror").map(\.status) == [.seen])
    }

    @Test("whether a feed has guid or fingerprint keys stored is read for that feed's name only")
    func scopedKeysOfOneFeed() async throws {
        let temp = try TemporaryStore()
        // No guid and no link: its one key is its fingerprint.
        let item = Item(title: "A report without guid or link")
        _ = try await temp.store.record(
            FetchRecord(
                feed: "wire2", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [JudgedItem(item: item, keys: ItemIdentity.keys(feed: "wire2", item: item))]))
        let stored = try await temp.store.read { db in
            try ["wire", "wire2", "wire22", "wir", "wire2 "].map { try KnownKeys.hasScopedKeys(db, feed: $0) }
        }
        #expect(stored == [false, true, false, false, false])
    }

    @Test("every column of a feed's state reads back into its field, by feedState and feedStates alike")
    func feedStateColumns() async throws {
        let temp = try TemporaryStore()
        try await temp.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO feed_state (feed, etag, last_modified, last_status, last_error, consecutive_failures,
                        last_attempt_at, last_success_at, next_due_at, moved_to, items_seen, url, unhealthy_since,
                        publishing_gap)
                    VALUES ('wire', '"e7"', 'Tue, 06 Jan 2026 10:00:00 GMT', 503, 'transient: HTTP 503', 4,
                        1767700000, 1767600000, 1767703600, 'https://new.example/rss', 42, 'https://old.example/rss',
                        1767690000, 5400.5), ('bare', NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL)
                    """)
        }
        let expected = FeedState(
            feed: "wire", etag: "\"e7\"", lastModified: "Tue, 06 Jan 2026 10:00:00 GMT", lastStatus: 503,
            lastError: "transient: HTTP 503", consecutiveFailures: 4,
            lastAttemptAt: Date(timeIntervalSince1970: 1_767_700_000),
            lastSuccessAt: Date(timeIntervalSince1970: 1_767_600_000),
            nextDueAt: Date(timeIntervalSince1970: 1_767_703_600), movedTo: "https://new.example/rss", itemsSeen: 42,
            url: "https://old.example/rss", unhealthySince: Date(timeIntervalSince1970: 1_767_690_000),
            publishingGap: .milliseconds(5_400_500))
        #expect(try await temp.store.feedState("wire") == expected)
        #expect(try await temp.store.feedState("bare") == FeedState(feed: "bare"))
        #expect(try await temp.store.feedState("missing") == nil)
        #expect(try await temp.store.feedStates() == ["wire": expected, "bare": FeedState(feed: "bare")])
    }

    @Test("a fetch that lists an item twice records it once, and its edit in the same fetch is an edit")
    func repeatsWithinOneFetch() async throws {
        let temp = try TemporaryStore()
        let first = judged("g1", title: "Talks open in Paris", rule: "talks")
        var edited = judged("g1", title: "Talks open in Paris, officials say")
        edited.status = .edited
        let result = try await temp.store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: [first, first, edited]))
        #expect(result.newItems == 1)
        #expect(result.editedItems == 1)
        #expect(result.alerts.map(\.title) == ["Talks open in Paris"])
        #expect(try await temp.store.lookUp([first.keys, edited.keys]).map(\.status) == [.edited, .seen])
    }

    @Test("a fetch of more items than one key lookup reads finds every known one (300 items, 3 keys each)")
    func largeFetch() async throws {
        let temp = try TemporaryStore()
        let items = (1...300).map { judged("g\($0)", link: "https://example.org/\($0)", title: "item \($0)") }
        let first = try await temp.store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: items))
        #expect(first.newItems == 300)
        let again = items + [judged("g301", title: "item 301")]
        #expect(
            try await temp.store.lookUp(again.map(\.keys)).map(\.status) == Array(repeating: .seen, count: 300) + [.new]
        )
        let second = try await temp.store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: again))
        #expect(second.newItems == 1)
    }

    @Test("claims come in order, are leased to one owner, and leave once delivered")
    func outboxLifecycle() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        try await recordTalks(3, in: store)
        let claimed = try await store.claim(sink: "console", owner: "daemon", now: t0)
        #expect(claimed.map(\.alert.title) == ["talks 1", "talks 2", "talks 3"])
        // A second process sees the sink busy while the lease lives, and free once it has expired.
        #expect(try await store.claim(sink: "console", owner: "poll", now: t0 + 1).isEmpty)
        try await store.markDelivered(claimed[0], at: t0 + 1)
        #expect(
            try await store.claim(sink: "console", owner: "poll", now: t0 + 1000).map(\.alert.title) == [
                "talks 2", "talks 3",
            ])
    }

    @Test("a failed alert holds back the ones behind it until its retry time")
    func failureKeepsOrder() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        try await recordTalks(2, in: store)
        let claimed = try await store.claim(sink: "console", owner: "daemon", now: t0)
        try await store.markFailed(claimed[0], error: "HTTP 503", retryAt: t0 + 60)
        #expect(try await store.claim(sink: "console", owner: "daemon", now: t0 + 30).isEmpty)
        let retried = try await store.claim(sink: "console", owner: "daemon", now: t0 + 61)
        #expect(retried.map(\.alert.title) == ["talks 1", "talks 2"])
        #expect(retried[0].attempts == 1)
        let backlog = try #require(try await store.backlog().first)
        #expect(backlog.pending == 2)
        #expect(backlog.lastError == "HTTP 503")
    }

    @Test("failures count up and a success resets them")
    func failureCounting() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        try await store.recordFailure(
            FailureRecord(feed: "wire", url: "u", status: 500, error: "HTTP 500", at: t0, nextDue: t0 + 60))
        try await store.recordFailure(
            FailureRecord(feed: "wire", url: "u", status: nil, error: "timeout", at: t0 + 60, nextDue: t0 + 180))
        var state = try #require(try await store.feedState("wire"))
        #expect(state.consecutiveFailures == 2)
        #expect(state.lastError == "timeout")
        #expect(state.nextDueAt == t0 + 180)
        try await store.recordNotModified([NotModifiedRecord(feed: "wire", url: "u", at: t0 + 200, nextDue: t0 + 800)])
        state = try #require(try await store.feedState("wire"))
        #expect(state.consecutiveFailures == 0)
        #expect(state.lastError == nil)
        #expect(state.lastSuccessAt == t0 + 200)
    }

    @Test("two stores on one file (daemon and one-shot poll) both write without 'database is locked'")
    func twoWriters() async throws {
        let temp = try TemporaryStore()
        let other = try HeraldStore(path: temp.store.path)
        async let a: Void = {
            for index in 0..<40 {
                _ = try await temp.store.record(
                    FetchRecord(
                        feed: "a", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                        items: [judged("a\(index)", title: "a \(index)", rule: "talks")]))
            }
        }()
        async let b: Void = {
            for index in 0..<40 {
                _ = try await other.record(
                    FetchRecord(
                        feed: "b", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                        items: [judged("b\(index)", title: "b \(index)", rule: "talks")]))
            }
        }()
        try await a
        try await b
        #expect(try await temp.store.alerts().count == 80)
    }

    @Test("fetches recorded together: in order, in one transaction, a failing one rolled back alone")
    func recordTogether() async throws {
        let temp = try TemporaryStore()
        let store = temp.store
        try await store.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.feed_state WHEN NEW.feed = 'broken'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
        }
        func fetch(_ feed: String, _ guid: String) -> FetchRecord {
            FetchRecord(
                feed: feed, etag: nil, lastModified: nil, at: t0, nextDue: t0,
                items: [judged(guid, title: "talks \(guid)", rule: "talks")])
        }
        let results = try await store.record([fetch("wire", "w1"), fetch("broken", "b1"), fetch("agency", "a1")])
        #expect(results.count == 3)
        #expect((try? results[0].get())?.newItems == 1)
        #expect((try? results[2].get())?.newItems == 1)
        guard case .failure(let error) = results[1] else {
            Issue.record("the broken feed's fetch was recorded")
            return
        }
        #expect(error.description.contains("refused by the test"))
        // The others are stored, and their alerts queued in the order given.
        let claimed = try await store.claim(sink: "console", owner: "herald-\(getpid())-test")
        #expect(claimed.map(\.alert.title) == ["talks w1", "talks a1"])
        #expect(
            try await store.lookUp([ItemIdentity.keys(feed: "broken", item: Item(guid: "b1", title: "talks b1"))])
                .map(\.status) == [.new])
    }

    @Test("stores opened at once on a new file (a daemon and one-shot polls starting together) all open")
    func openTogether() throws {
        // Two connections that both find a new file in rollback mode and both switch it to WAL can
        // deadlock on SQLite's locks, and then one is refused at once, busy timeout or not.
        for round in 0..<40 {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("herald-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("state.sqlite").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do {
                    _ = try HeraldStore(path: path)
                } catch {
                    failures.withLock { $0.append("round \(round): \(error)") }
                }
            }
            #expect(failures.withLock { $0 }.isEmpty)
        }
    }
}
