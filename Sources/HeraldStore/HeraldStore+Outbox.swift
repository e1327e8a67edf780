import Foundation
import GRDB
import HeraldCore

/// An alert claimed for delivery to one sink.
public struct OutboxEntry: Sendable, Hashable {
    public var seq: Int64
    public var sink: String
    public var attempts: Int
    public var alert: Alert
}

/// How many alerts wait for one sink.
public struct SinkBacklog: Sendable, Hashable {
    public var sink: String
    public var pending: Int
    public var failing: Int
    public var lastError: String?
}

extension HeraldStore {
    /// Leases the oldest pending alerts of `sink` to `owner`, in order.
    ///
    /// Returns nothing while another process holds a live lease on this sink (so a one-shot poll and
    /// the daemon never send the same alert at once), or while the oldest pending alert is waiting
    /// for its retry time — later alerts do not overtake it.
    public func claim(
        sink: String, owner: String, limit: Int = 50, lease: Duration = .seconds(120), now: Date = Date()
    ) async throws(StoreError) -> [OutboxEntry] {
        try await write { db in
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
                    SELECT o.seq, o.attempts, o.next_attempt_at, a.payload FROM outbox o JOIN alert a ON a.id = o.alert_id
                    WHERE o.sink = ? AND o.state = 'pending' ORDER BY o.seq LIMIT ?
                    """,
                arguments: [sink, limit])
            var entries: [OutboxEntry] = []
            for row in rows {
                let due: Double = row["next_attempt_at"]
                guard due <= now.unix else { break }
                let payload: String = row["payload"]
                let alert = try AlertCoding.decoder.decode(Alert.self, from: Data(payload.utf8))
                entries.append(OutboxEntry(seq: row["seq"], sink: sink, attempts: row["attempts"], alert: alert))
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

    /// The sink confirmed the alert: it leaves the outbox.
    public func markDelivered(_ entry: OutboxEntry, at now: Date = Date()) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = 'delivered', delivered_at = ?, attempts = attempts + 1,
                        lease_owner = NULL, lease_until = NULL, last_error = NULL
                    WHERE seq = ?
                    """,
                arguments: [now.unix, entry.seq])
        }
    }

    /// The send failed: keep the row, remember why, try again at `retryAt`. Releases every lease
    /// this owner holds on the sink, so the alerts behind it wait their turn in order.
    public func markFailed(_ entry: OutboxEntry, error: String, retryAt: Date) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                    WHERE seq = ?
                    """,
                arguments: [error, retryAt.unix, entry.seq])
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

    /// Pending and failing alerts per sink.
    public func backlog() async throws(StoreError) -> [SinkBacklog] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT sink, COUNT(*) AS pending, SUM(attempts > 0) AS failing,
                        (SELECT last_error FROM outbox i WHERE i.sink = o.sink AND i.state = 'pending'
                            AND i.last_error IS NOT NULL ORDER BY seq DESC LIMIT 1) AS last_error
                    FROM outbox o WHERE state = 'pending' GROUP BY sink ORDER BY sink
                    """
            ).map { row in
                SinkBacklog(
                    sink: row["sink"], pending: row["pending"], failing: row["failing"] ?? 0,
                    lastError: row["last_error"])
            }
        }
    }

    /// The earliest time a pending alert of any of `sinks` may be tried again, if any is waiting.
    public func nextDeliveryDue() async throws(StoreError) -> Date? {
        try await read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").map(
                Date.init(unix:))
        }
    }
}
