import Foundation
import GRDB
import HeraldCore

/// What one retention pass removed.
public struct PruneReport: Sendable, Hashable, Codable {
    /// Items whose stored text was dropped; their identity keys stay, as tombstones.
    public var itemsTrimmed: Int
    /// Alerts removed from the history (none still waiting for a sink).
    public var alertsRemoved: Int
    /// Confirmed delivery records removed.
    public var deliveriesRemoved: Int
}

extension HeraldStore {
    /// Forgets what is older than `cutoff` and no longer needed, in one transaction:
    /// - items first seen before it keep their identity keys, link and fingerprint (so they are
    ///   never judged again) but lose their title;
    /// - alerts created before it leave the history once every sink has confirmed them (an alert
    ///   still pending or retrying is kept, whatever its age);
    /// - confirmed delivery records older than it go;
    /// - story reports and story alert state go 72 hours after it (see `pruneStories`).
    public func prune(before cutoff: Date) async throws(StoreError) -> PruneReport {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM outbox WHERE state = 'delivered' AND delivered_at < ?", arguments: [cutoff.unix])
            let deliveries = db.changesCount
            try db.execute(
                sql: """
                    DELETE FROM alert WHERE created_at < ?
                    AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.alert_id = alert.id AND outbox.state != 'delivered')
                    """,
                arguments: [cutoff.unix])
            let alerts = db.changesCount
            try Self.pruneStories(db, before: cutoff)
            try db.execute(
                sql: "UPDATE item SET title = '' WHERE first_seen_at < ? AND title != ''", arguments: [cutoff.unix])
            return PruneReport(itemsTrimmed: db.changesCount, alertsRemoved: alerts, deliveriesRemoved: deliveries)
        }
    }
}
