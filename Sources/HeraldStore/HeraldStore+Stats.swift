import Foundation
import GRDB
import HeraldCore

/// Counts that `herald status` and `herald db stats` show.
public struct StoreStatistics: Sendable, Hashable, Codable {
    public var items: Int
    public var identityKeys: Int
    public var alerts: Int
    public var pendingDeliveries: Int
    public var delivered: Int
    /// Bytes of the database file and its WAL.
    public var fileBytes: Int64
    public var walBytes: Int64
}

extension HeraldStore {
    /// Alerts per feed since `date`.
    public func alertCountsByFeed(since date: Date) async throws(StoreError) -> [String: Int] {
        try await countsBy("feed", since: date)
    }

    /// Alerts per rule since `date`.
    public func alertCountsByRule(since date: Date) async throws(StoreError) -> [String: Int] {
        try await countsBy("rule", since: date)
    }

    private func countsBy(_ column: String, since date: Date) async throws(StoreError) -> [String: Int] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(column) AS name, COUNT(*) AS n FROM alert WHERE created_at >= ? GROUP BY \(column)",
                arguments: [date.unix])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["n"] as Int) })
        }
    }

    public func statistics() async throws(StoreError) -> StoreStatistics {
        let path = self.path
        return try await read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let size = { (file: String) -> Int64 in
                ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
            }
            return StoreStatistics(
                items: try count("SELECT COUNT(*) FROM item"),
                identityKeys: try count("SELECT COUNT(*) FROM seen_key"),
                alerts: try count("SELECT COUNT(*) FROM alert"),
                pendingDeliveries: try count("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"),
                delivered: try count("SELECT COUNT(*) FROM outbox WHERE state = 'delivered'"),
                fileBytes: size(path), walBytes: size(path + "-wal"))
        }
    }

    /// Rebuilds the file to reclaim free pages (needs as much free disk as the file's size).
    public func vacuum() async throws(StoreError) {
        do {
            try await pool.vacuum()
        } catch {
            throw StoreError("vacuum of \(path) failed: \(error)")
        }
    }

    /// Copies the live database to `destination` with SQLite's online backup: consistent even
    /// while the daemon writes.
    public func backup(to destination: String) async throws(StoreError) {
        let pool = self.pool
        do {
            let target = try DatabaseQueue(path: destination)
            // GRDB's backup blocks until done: run it on a Dispatch queue, off Swift's cooperative pool.
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                DispatchQueue.global(qos: .utility).async {
                    continuation.resume(with: Result { try pool.backup(to: target) })
                }
            }
        } catch {
            throw StoreError("backup of \(path) to \(destination) failed: \(error)")
        }
    }

    /// Whether SQLite answers (for the watchdog and `/healthz`).
    public func ping() async -> Bool {
        (try? await read { db in try Int.fetchOne(db, sql: "SELECT 1") }) == 1
    }
}
