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

/// One new item as the pipeline judged it: its identity keys and the alerts it raised.
public struct JudgedItem: Sendable {
    public var item: Item
    public var keys: [String]
    public var alerts: [RoutedAlert]

    public init(item: Item, keys: [String], alerts: [RoutedAlert]) {
        self.item = item
        self.keys = keys
        self.alerts = alerts
    }
}

/// A successful fetch to record: the validators and the items judged new.
public struct FetchRecord: Sendable {
    public var feed: String
    public var status: Int
    public var etag: String?
    public var lastModified: String?
    public var movedTo: String?
    public var at: Date
    public var nextDue: Date
    public var items: [JudgedItem]

    public init(
        feed: String, status: Int = 200, etag: String?, lastModified: String?, movedTo: String? = nil, at: Date,
        nextDue: Date, items: [JudgedItem]
    ) {
        self.feed = feed
        self.status = status
        self.etag = etag
        self.lastModified = lastModified
        self.movedTo = movedTo
        self.at = at
        self.nextDue = nextDue
        self.items = items
    }
}

/// What one recorded fetch changed.
public struct IngestResult: Sendable, Hashable {
    public var newItems: Int
    public var alerts: [Alert]
}

extension HeraldStore {
    /// Indices of the key lists none of whose keys is known yet. A cheap read before matching;
    /// `record(_:)` checks again inside its transaction, so a concurrent poll cannot double-judge.
    public func unseen(_ keyLists: [[String]]) async throws(StoreError) -> [Int] {
        try await read { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM seen_key WHERE key = ?")
            return try keyLists.indices.filter { index in
                try keyLists[index].allSatisfy { key in try Bool.fetchOne(statement, arguments: [key]) == nil }
            }
        }
    }

    /// Records a successful fetch in ONE transaction: the feed's validators, every new item's keys,
    /// its alerts and one outbox row per (alert, sink). Either all of it is stored or none: a crash
    /// re-polls the items, and their alerts get the same ids again.
    public func record(_ fetch: FetchRecord) async throws(StoreError) -> IngestResult {
        try await write { db in
            try Self.ensureFeed(db, fetch.feed)
            let seen = try db.cachedStatement(sql: "SELECT 1 FROM seen_key WHERE key = ?")
            var newItems = 0
            var alerts: [Alert] = []
            for judged in fetch.items {
                let known = try judged.keys.contains { try Bool.fetchOne(seen, arguments: [$0]) != nil }
                guard !known, let identity = judged.keys.first else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO item (feed, identity, guid, link, title, published_at, first_seen_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        fetch.feed, identity, judged.item.guid, judged.item.link, judged.item.title,
                        judged.item.published?.unix, fetch.at.unix,
                    ])
                let itemID = db.lastInsertedRowID
                for key in judged.keys {
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO seen_key (key, item_id) VALUES (?, ?)", arguments: [key, itemID])
                }
                newItems += 1
                for routed in judged.alerts {
                    let payload = String(decoding: try AlertCoding.encoder.encode(routed.alert), as: UTF8.self)
                    try db.execute(
                        sql:
                            "INSERT OR IGNORE INTO alert (id, rule, feed, item_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [routed.alert.id, routed.alert.rule, fetch.feed, itemID, payload, fetch.at.unix])
                    guard db.changesCount > 0 else { continue }
                    alerts.append(routed.alert)
                    for sink in routed.sinks {
                        try db.execute(
                            sql: "INSERT OR IGNORE INTO outbox (alert_id, sink, next_attempt_at) VALUES (?, ?, ?)",
                            arguments: [routed.alert.id, sink, fetch.at.unix])
                    }
                }
            }
            try db.execute(
                sql: """
                    UPDATE feed_state SET etag = ?, last_modified = ?, last_status = ?, last_error = NULL,
                        consecutive_failures = 0, last_attempt_at = ?, last_success_at = ?, next_due_at = ?,
                        moved_to = COALESCE(?, moved_to), items_seen = items_seen + ?
                    WHERE feed = ?
                    """,
                arguments: [
                    fetch.etag, fetch.lastModified, fetch.status, fetch.at.unix, fetch.at.unix, fetch.nextDue.unix,
                    fetch.movedTo, newItems, fetch.feed,
                ])
            return IngestResult(newItems: newItems, alerts: alerts)
        }
    }

    /// Alerts recorded since `date`, newest last (for `herald alerts` and tests).
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
