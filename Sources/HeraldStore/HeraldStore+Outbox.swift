import Foundation
import GRDB
import HeraldCore

/// An alert claimed for delivery to one sink.
public struct OutboxEntry: Sendable, Hashable {
    public var seq: Int64
    public var sink: String
    public var attempts: Int
    /// When the first failed attempt happened; nil until one fails.
    public var firstFailedAt: Date?
    public var alert: Alert
}

/// What a receiver said about a failed send, kept with the row for `herald dlq list`.
public struct DeliveryFailure: Sendable, Hashable {
    public var message: String
    /// The HTTP status, when there was a response.
    public var status: Int?
    /// The start of the response body (at most ~500 bytes), already redacted.
    public var excerpt: String?

    public init(message: String, status: Int? = nil, excerpt: String? = nil) {
        self.message = message
        self.status = status
        self.excerpt = excerpt
    }
}

/// How many alerts wait for one sink, and whether it is switched off.
public struct SinkBacklog: Sendable, Hashable, Codable {
    public var sink: String
    public var pending: Int
    /// Pending alerts that have failed at least once.
    public var failing: Int
    /// Dead letters: alerts given up on, kept for `herald dlq retry`.
    public var dead: Int
    public var lastError: String?
    /// Set when the receiver said the target is gone or forbidden (401/403/404/410).
    public var disabledAt: Date?
    public var disabledReason: String?
    /// When the oldest pending alert may next be tried.
    public var nextAttempt: Date?

    public init(sink: String, pending: Int = 0, failing: Int = 0, dead: Int = 0) {
        self.sink = sink
        self.pending = pending
        self.failing = failing
        self.dead = dead
    }
}

/// One dead letter.
public struct DeadLetter: Sendable, Hashable, Codable {
    public var seq: Int64
    public var sink: String
    public var alertID: String
    public var title: String
    public var attempts: Int
    public var lastStatus: Int?
    public var lastError: String?
    public var responseExcerpt: String?
    public var deadAt: Date?
}

extension HeraldStore {
    /// Leases the oldest pending alerts of `sink` to `owner`, in order.
    ///
    /// Returns nothing while the sink is disabled, while another process holds a live lease on this
    /// sink (so a one-shot poll and the daemon never send the same alert at once), or while the
    /// oldest pending alert is waiting for its retry time — later alerts do not overtake it.
    public func claim(
        sink: String, owner: String, limit: Int = 50, lease: Duration = .seconds(120), now: Date = Date()
    ) async throws(StoreError) -> [OutboxEntry] {
        try await write { db in
            let disabled =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM sink_state WHERE sink = ? AND disabled_at IS NOT NULL", arguments: [sink])
                ?? false
            if disabled { return [] }
            let held =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT 1 FROM outbox WHERE sink = ? AND state = 'pending' AND lease_owner IS NOT NULL
                            AND lease_owner != ? AND lease_until > ? LIMIT 1
                        """,
                    arguments: [sink, owner, now.unix]) ?? false
            if held { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.seq, o.attempts, o.next_attempt_at, o.first_failed_at, a.payload
                    FROM outbox o JOIN alert a ON a.id = o.alert_id
                    WHERE o.sink = ? AND o.state = 'pending' ORDER BY o.seq LIMIT ?
                    """,
                arguments: [sink, limit])
            var entries: [OutboxEntry] = []
            for row in rows {
                let due: Double = row["next_attempt_at"]
                guard due <= now.unix else { break }
                let payload: String = row["payload"]
                let alert = try AlertCoding.decoder.decode(Alert.self, from: Data(payload.utf8))
                let firstFailed: Double? = row["first_failed_at"]
                entries.append(
                    OutboxEntry(
                        seq: row["seq"], sink: sink, attempts: row["attempts"],
                        firstFailedAt: firstFailed.map(Date.init(unix:)), alert: alert))
            }
            let leaseUntil = now.addingTimeInterval(Double(lease.components.seconds)).unix
            for entry in entries {
                try db.execute(
                    sql: "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE seq = ?",
                    arguments: [owner, leaseUntil, entry.seq])
            }
            return entries
        }
    }

    /// The sink confirmed the alert: it leaves the outbox, keeping the receiver's id of the message
    /// when it gave one.
    public func markDelivered(
        _ entry: OutboxEntry, remote: RemoteMessage? = nil, at now: Date = Date()
    ) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'delivered', delivered_at = ?, attempts = attempts + 1,
                        lease_owner = NULL, lease_until = NULL, last_error = NULL, remote_id = ?, remote_channel = ?
                    WHERE seq = ?
                    """,
                arguments: [now.unix, remote?.id, remote?.channel, entry.seq])
        }
    }

    /// For a follow-up or story update: the story's first alert as `sink` delivered it, when the
    /// receiver named its message. Nil for other alerts, and when the first alert is not delivered
    /// there, was delivered before Herald kept message ids, or got no id back.
    ///
    /// Read just before the send: the lane is FIFO, so the first alert has been sent by then.
    public func storyThread(for alert: Alert, sink: String) async throws(StoreError) -> StoryThread? {
        guard alert.kind == .followUp || alert.kind == .storyUpdate, let first = alert.story?.followUpOf else {
            return nil
        }
        return try await read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT o.remote_id, o.remote_channel, a.payload FROM outbox o JOIN alert a ON a.id = o.alert_id
                    WHERE o.alert_id = ? AND o.sink = ? AND o.state = 'delivered' AND o.remote_id IS NOT NULL
                    """,
                arguments: [first, sink])
            guard let row, let payload = row["payload"] as String?,
                let alert = try? AlertCoding.decoder.decode(Alert.self, from: Data(payload.utf8))
            else { return nil }
            return StoryThread(
                message: RemoteMessage(id: row["remote_id"], channel: row["remote_channel"]), first: alert)
        }
    }

    /// The receiver's id of `alertID`'s message on `sink`, when it was delivered with one.
    public func remoteMessage(alertID: String, sink: String) async throws(StoreError) -> RemoteMessage? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT remote_id, remote_channel FROM outbox
                    WHERE alert_id = ? AND sink = ? AND remote_id IS NOT NULL
                    """,
                arguments: [alertID, sink]
            ).map { RemoteMessage(id: $0["remote_id"], channel: $0["remote_channel"]) }
        }
    }

    /// The send failed: keep the row, remember why, try again at `retryAt`. Releases every lease
    /// on the sink, so the alerts behind it wait their turn in order.
    public func markFailed(
        _ entry: OutboxEntry, failure: DeliveryFailure, retryAt: Date, now: Date = Date()
    ) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                        last_status = ?, response_excerpt = ?, first_failed_at = COALESCE(first_failed_at, ?)
                    WHERE seq = ?
                    """,
                arguments: [failure.message, retryAt.unix, failure.status, failure.excerpt, now.unix, entry.seq])
            try db.execute(
                sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE sink = ? AND state = 'pending'",
                arguments: [entry.sink])
        }
    }

    /// Compatibility form of `markFailed` for callers with only a message.
    public func markFailed(_ entry: OutboxEntry, error: String, retryAt: Date) async throws(StoreError) {
        try await markFailed(entry, failure: DeliveryFailure(message: error), retryAt: retryAt)
    }

    /// Gives up on one alert for this sink: it becomes a dead letter, keeping what the receiver
    /// last said. The lane moves on to the next alert.
    public func markDead(_ entry: OutboxEntry, failure: DeliveryFailure, at now: Date = Date()) async throws(StoreError)
    {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'dead', dead_at = ?, attempts = attempts + 1, last_error = ?,
                        last_status = ?, response_excerpt = ?, first_failed_at = COALESCE(first_failed_at, ?),
                        lease_owner = NULL, lease_until = NULL
                    WHERE seq = ?
                    """,
                arguments: [now.unix, failure.message, failure.status, failure.excerpt, now.unix, entry.seq])
        }
    }

    /// Switches a sink off (the receiver said the target is gone or forbidden) and releases its
    /// leases; its alerts stay pending until it is enabled again. Returns false when it was
    /// already disabled, so the caller logs the event once.
    @discardableResult
    public func disableSink(_ sink: String, reason: String, at now: Date = Date()) async throws(StoreError) -> Bool {
        try await write { db in
            let already =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM sink_state WHERE sink = ? AND disabled_at IS NOT NULL", arguments: [sink])
                ?? false
            if already { return false }
            try db.execute(
                sql: """
                    INSERT INTO sink_state (sink, disabled_at, disabled_reason) VALUES (?, ?, ?)
                    ON CONFLICT (sink) DO UPDATE SET disabled_at = excluded.disabled_at,
                        disabled_reason = excluded.disabled_reason
                    """,
                arguments: [sink, now.unix, reason])
            try db.execute(
                sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE sink = ? AND state = 'pending'",
                arguments: [sink])
            return true
        }
    }

    /// Switches a disabled sink back on; its pending alerts are due at once. Returns false when
    /// it was not disabled.
    @discardableResult
    public func enableSink(_ sink: String, at now: Date = Date()) async throws(StoreError) -> Bool {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM sink_state WHERE sink = ? AND disabled_at IS NOT NULL", arguments: [sink])
            let changed = db.changesCount > 0
            if changed {
                try db.execute(
                    sql: "UPDATE outbox SET next_attempt_at = ? WHERE sink = ? AND state = 'pending'",
                    arguments: [now.unix, sink])
            }
            return changed
        }
    }

    /// Clears the leases on `sink` held by owners `isGone` says no longer exist (a process that
    /// crashed), so a restart does not wait for them to run out. Returns how many rows were freed.
    @discardableResult
    public func releaseAbandonedLeases(
        sink: String, owner: String, now: Date = Date(), isGone: @escaping @Sendable (String) -> Bool
    ) async throws(StoreError) -> Int {
        try await write { db in
            let holders = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT lease_owner FROM outbox WHERE sink = ? AND state = 'pending'
                        AND lease_owner IS NOT NULL AND lease_owner != ? AND lease_until > ?
                    """,
                arguments: [sink, owner, now.unix])
            var freed = 0
            for holder in holders where isGone(holder) {
                try db.execute(
                    sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE sink = ? AND lease_owner = ?",
                    arguments: [sink, holder])
                freed += db.changesCount
            }
            return freed
        }
    }

    /// Holds a sink's oldest alert (and so its lane) until `until`, without counting an attempt,
    /// and releases the sink's leases: digest mode waiting for its window to close.
    public func postpone(_ entry: OutboxEntry, until: Date) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET next_attempt_at = ? WHERE seq = ?", arguments: [until.unix, entry.seq])
            try db.execute(
                sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE sink = ? AND state = 'pending'",
                arguments: [entry.sink])
        }
    }

    /// Releases leases this owner still holds (unsent alerts of a batch cut short by shutdown).
    public func releaseLeases(owner: String) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?",
                arguments: [owner])
        }
    }

    /// Pending, failing and dead alerts per sink, and which sinks are disabled: every sink that has
    /// any of these, by name.
    public func backlog() async throws(StoreError) -> [SinkBacklog] {
        try await read { db in
            var result: [String: SinkBacklog] = [:]
            func entry(_ sink: String) -> SinkBacklog {
                result[sink] ?? SinkBacklog(sink: sink, pending: 0, failing: 0, dead: 0)
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT sink, SUM(state = 'pending') AS pending, SUM(state = 'pending' AND attempts > 0) AS failing,
                        SUM(state = 'dead') AS dead,
                        (SELECT next_attempt_at FROM outbox h WHERE h.sink = o.sink AND h.state = 'pending'
                            ORDER BY seq LIMIT 1) AS next_attempt,
                        (SELECT last_error FROM outbox i WHERE i.sink = o.sink AND i.state IN ('pending', 'dead')
                            AND i.last_error IS NOT NULL ORDER BY COALESCE(i.dead_at, 0) DESC, seq DESC LIMIT 1)
                            AS last_error
                    FROM outbox o WHERE state IN ('pending', 'dead') GROUP BY sink
                    """)
            {
                let sink: String = row["sink"]
                var value = entry(sink)
                value.pending = row["pending"] ?? 0
                value.failing = row["failing"] ?? 0
                value.dead = row["dead"] ?? 0
                value.lastError = row["last_error"]
                value.nextAttempt = (row["next_attempt"] as Double?).map(Date.init(unix:))
                result[sink] = value
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT sink, disabled_at, disabled_reason FROM sink_state WHERE disabled_at IS NOT NULL")
            {
                let sink: String = row["sink"]
                var value = entry(sink)
                value.disabledAt = (row["disabled_at"] as Double?).map(Date.init(unix:))
                value.disabledReason = row["disabled_reason"]
                result[sink] = value
            }
            return result.values.sorted { $0.sink < $1.sink }
        }
    }

    /// Dead letters, oldest first; only `sink`'s when given.
    public func deadLetters(sink: String? = nil) async throws(StoreError) -> [DeadLetter] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.seq, o.sink, o.alert_id, o.attempts, o.last_status, o.last_error, o.response_excerpt,
                        o.dead_at, a.payload
                    FROM outbox o JOIN alert a ON a.id = o.alert_id
                    WHERE o.state = 'dead' AND (?1 IS NULL OR o.sink = ?1) ORDER BY o.seq
                    """,
                arguments: [sink]
            ).map { row in
                let payload: String = row["payload"]
                let title = (try? AlertCoding.decoder.decode(Alert.self, from: Data(payload.utf8)))?.title ?? ""
                return DeadLetter(
                    seq: row["seq"], sink: row["sink"], alertID: row["alert_id"], title: title,
                    attempts: row["attempts"], lastStatus: row["last_status"], lastError: row["last_error"],
                    responseExcerpt: row["response_excerpt"], deadAt: (row["dead_at"] as Double?).map(Date.init(unix:)))
            }
        }
    }

    /// Puts dead letters back in their lane (same row, same alert id), due at once; all of them, or
    /// those of `sink`, or those whose alert id or sequence number is listed. Returns how many.
    public func retryDeadLetters(
        sink: String? = nil, ids: [String] = [], at now: Date = Date()
    ) async throws(StoreError) -> Int {
        try await write { db in
            let rows = try Self.selectDead(db, sink: sink, ids: ids)
            for seq in rows {
                try db.execute(
                    sql: """
                        UPDATE outbox SET state = 'pending', dead_at = NULL, attempts = 0, first_failed_at = NULL,
                            next_attempt_at = ?, lease_owner = NULL, lease_until = NULL
                        WHERE seq = ?
                        """,
                    arguments: [now.unix, seq])
            }
            return rows.count
        }
    }

    /// Deletes dead letters (all, a sink's, or the listed ones). Returns how many.
    public func purgeDeadLetters(sink: String? = nil, ids: [String] = []) async throws(StoreError) -> Int {
        try await write { db in
            let rows = try Self.selectDead(db, sink: sink, ids: ids)
            for seq in rows { try db.execute(sql: "DELETE FROM outbox WHERE seq = ?", arguments: [seq]) }
            return rows.count
        }
    }

    private static func selectDead(_ db: Database, sink: String?, ids: [String]) throws -> [Int64] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT seq, alert_id FROM outbox WHERE state = 'dead' AND (?1 IS NULL OR sink = ?1) ORDER BY seq",
            arguments: [sink])
        let wanted = Set(ids)
        return rows.compactMap { row -> Int64? in
            let seq: Int64 = row["seq"]
            let alertID: String = row["alert_id"]
            return wanted.isEmpty || wanted.contains(alertID) || wanted.contains(String(seq)) ? seq : nil
        }
    }

    /// The earliest time a sink's lane has work, if any alert is waiting: of `sink` alone when
    /// given. A lane is FIFO, so only each sink's oldest pending alert counts. Disabled sinks are left out; a sink another process holds a lease on counts
    /// from the lease's end.
    public func nextDeliveryDue(sink: String? = nil, owner: String = "") async throws(StoreError) -> Date? {
        try await read { db in
            try Double.fetchOne(
                db,
                sql: """
                    SELECT MIN(CASE WHEN lease_owner IS NOT NULL AND lease_owner != ?2 AND lease_until > next_attempt_at
                        THEN lease_until ELSE next_attempt_at END)
                    FROM outbox o WHERE state = 'pending' AND (?1 IS NULL OR sink = ?1)
                        AND seq = (SELECT MIN(seq) FROM outbox h WHERE h.sink = o.sink AND h.state = 'pending')
                        AND sink NOT IN (SELECT sink FROM sink_state WHERE disabled_at IS NOT NULL)
                    """,
                arguments: [sink, owner]
            ).map(Date.init(unix:))
        }
    }
}
