import Foundation
import GRDB
import HeraldCore

/// A 304 to record: the feed answered "not modified".
public struct NotModifiedRecord: Sendable {
    public var feed: String
    /// The configured URL (validators and redirects belong to it).
    public var url: String
    public var at: Date
    public var nextDue: Date
    /// Sent if the feed had been reported unhealthy.
    public var recoveredNotice: RoutedAlert?

    public init(feed: String, url: String, at: Date, nextDue: Date, recoveredNotice: RoutedAlert? = nil) {
        self.feed = feed
        self.url = url
        self.at = at
        self.nextDue = nextDue
        self.recoveredNotice = recoveredNotice
    }
}

/// A failed fetch or parse to record.
public struct FailureRecord: Sendable {
    public var feed: String
    public var url: String
    public var status: Int?
    public var error: String
    public var at: Date
    public var nextDue: Date
    /// The failure count at which `unhealthyNotice` is sent (0: never).
    public var unhealthyAfter: Int
    /// Sent once, when this failure makes the streak reach `unhealthyAfter`.
    public var unhealthyNotice: RoutedAlert?

    public init(
        feed: String, url: String, status: Int?, error: String, at: Date, nextDue: Date, unhealthyAfter: Int = 0,
        unhealthyNotice: RoutedAlert? = nil
    ) {
        self.feed = feed
        self.url = url
        self.status = status
        self.error = error
        self.at = at
        self.nextDue = nextDue
        self.unhealthyAfter = unhealthyAfter
        self.unhealthyNotice = unhealthyNotice
    }
}

extension HeraldStore {
    /// The remembered state of every feed, by feed name.
    public func feedStates() async throws(StoreError) -> [String: FeedState] {
        try await read { db in
            var states: [String: FeedState] = [:]
            try RawStatement(db, sql: "SELECT \(FeedState.columns) FROM feed_state").forEachRow { row in
                let state = FeedState(row)
                states[state.feed] = state
            }
            return states
        }
    }

    public func feedState(_ feed: String) async throws(StoreError) -> FeedState? {
        try await read { db in
            var state: FeedState?
            try RawStatement(db, sql: "SELECT \(FeedState.columns) FROM feed_state WHERE feed = ?").forEachRow(
                .text(feed)
            ) { row in state = FeedState(row) }
            return state
        }
    }

    /// Records a failed fetch or parse: the error, one more consecutive failure, when to try again,
    /// and — the one time the streak reaches the threshold — the "feed unhealthy" notice, in the
    /// same transaction. Returns the streak length.
    @discardableResult
    public func recordFailure(_ failure: FailureRecord) async throws(StoreError) -> Int {
        try await write { db in
            try Self.ensureFeed(db, failure.feed, url: failure.url)
            try db.cachedStatement(
                sql: """
                    UPDATE feed_state SET last_status = ?, last_error = ?, last_attempt_at = ?, next_due_at = ?,
                        consecutive_failures = consecutive_failures + 1
                    WHERE feed = ?
                    """
            ).execute(arguments: [failure.status, failure.error, failure.at.unix, failure.nextDue.unix, failure.feed])
            let streak =
                try Int.fetchOne(
                    db, sql: "SELECT consecutive_failures FROM feed_state WHERE feed = ?", arguments: [failure.feed])
                ?? 0
            if failure.unhealthyAfter > 0, streak == failure.unhealthyAfter {
                try db.cachedStatement(sql: "UPDATE feed_state SET unhealthy_since = ? WHERE feed = ?").execute(
                    arguments: [failure.at.unix, failure.feed])
                if let notice = failure.unhealthyNotice {
                    try Self.enqueue(db, notice, itemID: nil, at: failure.at)
                }
            }
            return streak
        }
    }

    /// Records 304s: each feed is healthy and unchanged (its `recoveredNotice` is sent if it had
    /// been reported unhealthy). One write for the batch: a poll of many unchanged feeds pays one
    /// transaction for them, not one each.
    public func recordNotModified(_ records: [NotModifiedRecord]) async throws(StoreError) {
        guard !records.isEmpty else { return }
        // Only validators and times: relaxed unless a recovery notice goes out with them.
        try await write(durable: records.contains { $0.recoveredNotice != nil }) { db in
            for record in records {
                try Self.ensureFeed(db, record.feed, url: record.url)
                try Self.recover(db, feed: record.feed, notice: record.recoveredNotice, at: record.at)
                try db.cachedStatement(
                    sql: """
                        UPDATE feed_state SET last_status = 304, last_error = NULL, consecutive_failures = 0,
                            last_attempt_at = ?, last_success_at = ?, next_due_at = ?
                        WHERE feed = ?
                        """
                ).execute(arguments: [record.at.unix, record.at.unix, record.nextDue.unix, record.feed])
            }
        }
    }

    /// Creates the feed's row, and forgets validators and redirects learnt for another URL when the
    /// config now names a different one.
    static func ensureFeed(_ db: Database, _ feed: String, url: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO feed_state (feed, url) VALUES (?, ?)").execute(arguments: [
            feed, url,
        ])
        try db.cachedStatement(
            sql: """
                UPDATE feed_state SET url = ?, etag = NULL, last_modified = NULL, moved_to = NULL,
                    redirect_candidate = NULL, redirect_observations = 0
                WHERE feed = ? AND (url IS NULL OR url != ?)
                """
        ).execute(arguments: [url, feed, url])
    }

    /// Ends an unhealthy streak: clears the mark and enqueues the "recovered" notice, once.
    static func recover(_ db: Database, feed: String, notice: RoutedAlert?, at now: Date) throws {
        let wasUnhealthy =
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT unhealthy_since IS NOT NULL FROM feed_state WHERE feed = ?"),
                arguments: [feed]) ?? false
        guard wasUnhealthy else { return }
        try db.cachedStatement(sql: "UPDATE feed_state SET unhealthy_since = NULL WHERE feed = ?").execute(arguments: [
            feed
        ])
        if let notice { try enqueue(db, notice, itemID: nil, at: now) }
    }

    /// Stores an alert and one outbox row per sink; returns false when the alert id exists already.
    @discardableResult
    static func enqueue(_ db: Database, _ routed: RoutedAlert, itemID: Int64?, at now: Date) throws -> Bool {
        let payload = String(decoding: try AlertCoding.encoder.encode(routed.alert), as: UTF8.self)
        try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO alert (id, rule, feed, item_id, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [routed.alert.id, routed.alert.rule, routed.alert.feed, itemID, payload, now.unix])
        guard db.changesCount > 0 else { return false }
        for sink in routed.sinks {
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO outbox (alert_id, sink, next_attempt_at) VALUES (?, ?, ?)"
            ).execute(arguments: [routed.alert.id, sink, now.unix])
        }
        return true
    }
}

extension FeedState {
    /// The columns `init(_:)` reads, in its order.
    static let columns = """
        feed, etag, last_modified, last_status, last_error, consecutive_failures, last_attempt_at, \
        last_success_at, next_due_at, moved_to, items_seen, url, unhealthy_since, publishing_gap
        """

    init(_ row: RawRow) {
        self.init(
            feed: row.text(0) ?? "", etag: row.text(1), lastModified: row.text(2), lastStatus: row.integer(3),
            lastError: row.text(4), consecutiveFailures: row.integer(5) ?? 0,
            lastAttemptAt: row.real(6).map(Date.init(unix:)), lastSuccessAt: row.real(7).map(Date.init(unix:)),
            nextDueAt: row.real(8).map(Date.init(unix:)), movedTo: row.text(9), itemsSeen: row.integer(10) ?? 0,
            url: row.text(11), unhealthySince: row.real(12).map(Date.init(unix:)),
            publishingGap: row.real(13).map { .milliseconds(Int64($0 * 1000)) })
    }
}
