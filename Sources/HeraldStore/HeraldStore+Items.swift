import Foundation
import GRDB
import HeraldCore

/// An alert and the sinks it must reach.
public struct RoutedAlert: Sendable, Hashable {
    public var alert: Alert
    public var sinks: [String]

    public init(alert: Alert, sinks: [String]) {
        self.alert = alert
        self.sinks = sinks
    }
}

/// What Herald already knows of an item.
public enum ItemStatus: Sendable, Hashable {
    /// No key known: judge it.
    case new
    /// A strong key is known and the text is the same.
    case seen
    /// A strong key is known but the title or text changed materially.
    case edited
    /// No strong key is known, but an item of this feed had exactly this title and text: the
    /// publisher changed its guid or link. Its new keys are learnt; it is not judged again.
    case knownContent
}

/// One item of a fetch, with its keys, what the pipeline took it to be, and the alerts it raised.
public struct JudgedItem: Sendable {
    public var item: Item
    public var keys: ItemKeys
    /// The status the alerts were judged for. `record` checks it again in its transaction and
    /// drops the alerts if another process got there first.
    public var status: ItemStatus
    public var alerts: [RoutedAlert]
    /// The story a new item joined; its alerts then follow the story rules (`StoryStamp`).
    public var story: StoryStamp?

    public init(
        item: Item, keys: ItemKeys, status: ItemStatus = .new, alerts: [RoutedAlert] = [], story: StoryStamp? = nil
    ) {
        self.item = item
        self.keys = keys
        self.status = status
        self.alerts = alerts
        self.story = story
    }
}

/// A successful fetch to record: the validators and the items.
public struct FetchRecord: Sendable {
    public var feed: String
    /// The configured URL (validators and redirects belong to it).
    public var url: String
    public var status: Int
    public var etag: String?
    public var lastModified: String?
    /// Where this fetch was permanently redirected to, if it was.
    public var permanentRedirect: String?
    public var at: Date
    public var nextDue: Date
    /// The feed's publishing gap read from this fetch's dates (nil: keep the last one).
    public var publishingGap: Duration?
    public var items: [JudgedItem]
    /// Sent if the feed had been reported unhealthy.
    public var recoveredNotice: RoutedAlert?

    public init(
        feed: String, url: String = "", status: Int = 200, etag: String?, lastModified: String?,
        permanentRedirect: String? = nil, at: Date, nextDue: Date, items: [JudgedItem],
        recoveredNotice: RoutedAlert? = nil, publishingGap: Duration? = nil
    ) {
        self.feed = feed
        self.url = url
        self.status = status
        self.publishingGap = publishingGap
        self.etag = etag
        self.lastModified = lastModified
        self.permanentRedirect = permanentRedirect
        self.at = at
        self.nextDue = nextDue
        self.items = items
        self.recoveredNotice = recoveredNotice
    }

    /// Whether the fetch may be committed relaxed (`GroupCommit`): it records no alert, notice or
    /// story, only items and feed state that the next poll, fetching the feed again, would record
    /// the same way if a power loss took them. Most fetches of a poll are such.
    public var isRelaxed: Bool {
        recoveredNotice == nil && items.allSatisfy { $0.alerts.isEmpty && $0.story == nil }
    }
}

/// What one recorded fetch changed.
public struct IngestResult: Sendable, Hashable {
    public var newItems = 0
    public var editedItems = 0
    /// Items recognised by content after their guid or link changed.
    public var rekeyedItems = 0
    public var alerts: [Alert] = []
    /// Set when this fetch made Herald follow a permanent redirect for good.
    public var movedTo: String?
}

/// What Herald knows of one item of a fetch, read before the item is judged.
public struct ItemLookup: Sendable, Hashable {
    public var status: ItemStatus
    /// Seen, with every strong key already stored: recording the item again would change nothing,
    /// so a fetch leaves it out of its `FetchRecord` (most of a changed feed's items are).
    public var settled: Bool

    public init(status: ItemStatus, settled: Bool = false) {
        self.status = status
        self.settled = settled
    }
}

extension HeraldStore {
    /// What Herald knows of each item, by its keys. A cheap read before matching; `record(_:)`
    /// classifies again inside its transaction, so a concurrent poll cannot double-judge.
    /// With `feed`, the items' feed: when no guid or fingerprint key of that feed is stored yet
    /// (its first fetch), only the items' links are looked up (`KnownKeys`).
    public func lookUp(_ keys: [ItemKeys], feed: String? = nil) async throws(StoreError) -> [ItemLookup] {
        try await read { db in
            let known = try KnownKeys(db, keys, feed: feed)
            return keys.map { keys in
                let status = known.status(keys)
                return ItemLookup(status: status, settled: status == .seen && !known.lacks(keys.strong))
            }
        }
    }

    /// Records a successful fetch in ONE transaction: the feed's validators and redirect
    /// observations, every new or edited item with its keys, its alerts and one outbox row per
    /// (alert, sink). Either all of it is stored or none: a crash re-polls the items, and their
    /// alerts get the same ids again.
    public func record(_ fetch: FetchRecord) async throws(StoreError) -> IngestResult {
        try await write(durable: !fetch.isRelaxed) { db in try Self.ingest(db, fetch) }
    }

    /// Records several fetches in one transaction, in order, each in a savepoint of its own as
    /// `record(_:)` would: a fetch that fails is rolled back alone and gets its own error. The
    /// fetches a poll held back for their stories are recorded so, at the end of the poll, with
    /// one commit for all of them instead of one each.
    public func record(_ fetches: [FetchRecord]) async throws(StoreError) -> [Result<IngestResult, StoreError>] {
        guard !fetches.isEmpty else { return [] }
        return try await writeEach(
            durable: fetches.contains { !$0.isRelaxed }, fetches.map { fetch in { db in try Self.ingest(db, fetch) } })
    }

    /// One fetch's writes (see `record(_:)`), inside the caller's transaction.
    static func ingest(_ db: Database, _ fetch: FetchRecord) throws -> IngestResult {
        try Self.ensureFeed(db, fetch.feed, url: fetch.url)
        try Self.recover(db, feed: fetch.feed, notice: fetch.recoveredNotice, at: fetch.at)
        var result = IngestResult()
        var known = try KnownKeys(db, fetch.items.map(\.keys), feed: fetch.feed)
        for judged in fetch.items {
            let status = known.status(judged.keys)
            let alerts = status == judged.status ? judged.alerts : []
            switch status {
            case .new:
                let itemID = try Self.insertItem(db, judged, feed: fetch.feed, at: fetch.at)
                known.learn(judged.keys.all, itemID: itemID, fingerprint: judged.keys.fingerprint)
                result.newItems += 1
                if let story = judged.story { try Self.joinStory(db, story, item: judged.item, itemID: itemID) }
                for routed in alerts {
                    result.alerts += try Self.enqueue(db, routed, story: judged.story, itemID: itemID, at: fetch.at)
                }
            case .edited:
                guard let itemID = known.item(judged.keys.strong) else { continue }
                try db.cachedStatement(
                    sql: "UPDATE item SET title = ?, fingerprint = ?, edited_at = ? WHERE id = ?"
                ).execute(arguments: [judged.item.title, judged.keys.fingerprint, fetch.at.unix, itemID])
                try Self.learn(db, judged.keys.all, itemID: itemID)
                known.learn(judged.keys.all, itemID: itemID, fingerprint: judged.keys.fingerprint)
                result.editedItems += 1
                for routed in alerts where try Self.enqueue(db, routed, itemID: itemID, at: fetch.at) {
                    result.alerts.append(routed.alert)
                }
            case .knownContent:
                if let itemID = known.item([judged.keys.fingerprint]) {
                    try Self.learn(db, judged.keys.strong, itemID: itemID)
                    known.learn(judged.keys.strong, itemID: itemID, fingerprint: judged.keys.fingerprint)
                }
                result.rekeyedItems += 1
            case .seen:
                // Keys the item did not have before (a link added later) are learnt too.
                if let itemID = known.item(judged.keys.strong), known.lacks(judged.keys.strong) {
                    try Self.learn(db, judged.keys.strong, itemID: itemID)
                    known.learn(judged.keys.strong, itemID: itemID, fingerprint: nil)
                }
            }
        }
        result.movedTo = try Self.observeRedirect(db, feed: fetch.feed, target: fetch.permanentRedirect)
        try db.cachedStatement(
            sql: """
                UPDATE feed_state SET etag = ?, last_modified = ?, last_status = ?, last_error = NULL,
                    consecutive_failures = 0, last_attempt_at = ?, last_success_at = ?, next_due_at = ?,
                    items_seen = items_seen + ?, publishing_gap = COALESCE(?, publishing_gap)
                WHERE feed = ?
                """
        ).execute(arguments: [
            fetch.etag, fetch.lastModified, fetch.status, fetch.at.unix, fetch.at.unix, fetch.nextDue.unix,
            result.newItems, fetch.publishingGap?.seconds, fetch.feed,
        ])
        return result
    }

    static func insertItem(_ db: Database, _ judged: JudgedItem, feed: String, at now: Date) throws -> Int64 {
        try RawStatement(
            db,
            sql: """
                INSERT INTO item (feed, identity, guid, link, title, published_at, first_seen_at, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            .text(feed), .text(judged.keys.primary), .text(judged.item.guid), .text(judged.item.link),
            .text(judged.item.title), .real(judged.item.published?.unix), .real(now.unix),
            .text(judged.keys.fingerprint))
        let itemID = db.lastInsertedRowID
        try learn(db, judged.keys.all, itemID: itemID)
        return itemID
    }

    static func learn(_ db: Database, _ keys: [String], itemID: Int64) throws {
        let statement = try RawStatement(db, sql: "INSERT OR IGNORE INTO seen_key (key, item_id) VALUES (?, ?)")
        for key in keys { try statement.execute(.text(key), .integer(itemID)) }
    }

    /// Counts consecutive permanent redirects to one target; after
    /// `FeedState.redirectObservationsToMove` of them the feed has moved. A fetch without one
    /// resets the count (temporary redirects never count). Returns the new address when it moves.
    static func observeRedirect(_ db: Database, feed: String, target: String?) throws -> String? {
        guard let target else {
            try db.cachedStatement(
                sql: "UPDATE feed_state SET redirect_candidate = NULL, redirect_observations = 0 WHERE feed = ?"
            ).execute(arguments: [feed])
            return nil
        }
        try db.cachedStatement(
            sql: """
                UPDATE feed_state SET
                    redirect_observations = CASE WHEN redirect_candidate = ? THEN redirect_observations + 1 ELSE 1 END,
                    redirect_candidate = ?
                WHERE feed = ?
                """
        ).execute(arguments: [target, target, feed])
        let observations =
            try Int.fetchOne(db, sql: "SELECT redirect_observations FROM feed_state WHERE feed = ?", arguments: [feed])
            ?? 0
        guard observations >= FeedState.redirectObservationsToMove else { return nil }
        try db.cachedStatement(
            sql: """
                UPDATE feed_state SET moved_to = ?, redirect_candidate = NULL, redirect_observations = 0
                WHERE feed = ?
                """
        ).execute(arguments: [target, feed])
        return target
    }

    /// Alerts recorded since `date`, oldest first (for `herald alerts` and tests).
    public func alerts(since date: Date = .distantPast, rule: String? = nil) async throws(StoreError) -> [Alert] {
        try await read { db in
            var sql = "SELECT payload FROM alert WHERE created_at >= ?"
            var arguments: StatementArguments = [date.unix]
            if let rule {
                sql += " AND rule = ?"
                arguments += [rule]
            }
            sql += " ORDER BY created_at, rowid"
            return try String.fetchAll(db, sql: sql, arguments: arguments).map { payload in
                try AlertCoding.decoder.decode(Alert.self, from: Data(payload.utf8))
            }
        }
    }
}

/// The stored keys of a fetch's items, read in a few statements instead of several per item, and
/// kept up to date as the fetch's own items are recorded (a feed may list one item twice).
struct KnownKeys {
    /// The item each stored key belongs to.
    private var items: [String: Int64] = [:]
    /// The fingerprint each of those items was stored with (nil for items stored before
    /// fingerprints were).
    private var fingerprints: [Int64: String?] = [:]

    /// Keys per statement: one cached statement whatever the fetch's size; unused places are NULL,
    /// which `IN` never matches.
    private static let batch = 64
    private static let sql =
        "SELECT seen_key.key, seen_key.item_id, item.fingerprint FROM seen_key "
        + "JOIN item ON item.id = seen_key.item_id WHERE seen_key.key IN ("
        + Array(repeating: "?", count: batch).joined(separator: ",") + ")"

    /// The stored keys among `keys`. With `feed`, when no feed-scoped key of that feed is stored
    /// (its first fetch, nearly always), its items' feed-scoped keys are not looked up one by one:
    /// a first poll then reads only their links.
    init(_ db: Database, _ keys: [ItemKeys], feed: String? = nil) throws {
        let scopedKeysStored = try feed.map { try Self.hasScopedKeys(db, feed: $0) } ?? true
        var wanted = Set<String>()
        for item in keys {
            for key in item.all where scopedKeysStored || !ItemIdentity.isFeedScoped(key) { wanted.insert(key) }
        }
        let list = Array(wanted)
        let statement = try db.cachedStatement(sql: Self.sql)
        var start = 0
        while start < list.count {
            let end = min(start + Self.batch, list.count)
            var values = list[start..<end].map(\.databaseValue)
            values += repeatElement(.null, count: Self.batch - values.count)
            statement.setUncheckedArguments(StatementArguments(values))
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let itemID: Int64 = row[1]
                items[row[0]] = itemID
                fingerprints[itemID] = row[2] as String?
            }
            start = end
        }
    }

    /// Whether any guid or fingerprint key of `feed` is stored: two probes of the key index for
    /// the ranges the keys' prefixes start.
    static func hasScopedKeys(_ db: Database, feed: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM seen_key WHERE key > ? AND key < ? LIMIT 1")
        for prefix in ItemIdentity.scopedKeyPrefixes(feed: feed) {
            // Every key with the prefix sorts after it and before the prefix with its final unit
            // separator (U+001F) raised to a space (U+0020).
            let end = String(prefix.dropLast()) + " "
            if try Int.fetchOne(statement, arguments: [prefix, end]) != nil { return true }
        }
        return false
    }

    /// The item the first stored one of `keys` belongs to.
    func item(_ keys: [String]) -> Int64? {
        keys.lazy.compactMap { items[$0] }.first
    }

    /// Whether any of `keys` is not stored yet.
    func lacks(_ keys: [String]) -> Bool {
        keys.contains { items[$0] == nil }
    }

    /// What Herald knows of an item with these keys: a strong key stored (with the same or another
    /// text), only its text stored under this feed, or nothing.
    func status(_ keys: ItemKeys) -> ItemStatus {
        if let itemID = item(keys.strong) {
            // An item another feed stored (found by its link, which is global) is the same
            // article, judged once: its text there is that feed's, not an earlier version of this
            // one's, so it is no edit (else the two feeds would take turns "editing" it).
            guard let stored = fingerprints[itemID] ?? nil, Self.feed(of: stored) == Self.feed(of: keys.fingerprint)
            else { return .seen }
            return stored == keys.fingerprint ? .seen : .edited
        }
        return items[keys.fingerprint] == nil ? .new : .knownContent
    }

    /// The feed part of a fingerprint key (`fp:FEED` before the unit separator).
    private static func feed(of fingerprint: String) -> Substring {
        fingerprint.prefix { $0 != "\u{1F}" }
    }

    /// Notes what was just written for `itemID`: its keys (`INSERT OR IGNORE`, so a key already
    /// stored keeps its item) and, when given, its fingerprint.
    mutating func learn(_ keys: [String], itemID: Int64, fingerprint: String?) {
        for key in keys where items[key] == nil { items[key] = itemID }
        if let fingerprint { fingerprints[itemID] = fingerprint }
    }
}

extension HeraldStore {
    /// The latest follow-ups and story updates recorded since `date`, newest first (the status page).
    public func followUps(since date: Date, limit: Int = 20) async throws(StoreError) -> [Alert] {
        try await read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT payload FROM alert WHERE created_at >= ?
                        AND json_extract(payload, '$.kind') IN ('follow-up', 'story-update')
                    ORDER BY created_at DESC, rowid DESC LIMIT ?
                    """,
                arguments: [date.unix, limit]
            ).map { payload in try AlertCoding.decoder.decode(Alert.self, from: Data(payload.utf8)) }
        }
    }
}

/// The one JSON shape alerts are stored in.
enum AlertCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
