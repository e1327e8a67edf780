import Foundation
import GRDB
import HeraldCore

extension HeraldStore {
    /// The remembered state of every feed, by feed name.
    public func feedStates() async throws(StoreError) -> [String: FeedState] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM feed_state")
            return Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    let state = FeedState(row: row)
                    return (state.feed, state)
                })
        }
    }

    public func feedState(_ feed: String) async throws(StoreError) -> FeedState? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM feed_state WHERE feed = ?", arguments: [feed]).map(FeedState.init)
        }
    }

    /// Records a failed fetch or parse: the error, one more consecutive failure, when to try again.
    public func recordFailure(
        feed: String, status: Int?, error: String, at now: Date, nextDue: Date
    ) async throws(StoreError) {
        try await write { db in
            try Self.ensureFeed(db, feed)
            try db.execute(
                sql: """
                    UPDATE feed_state SET last_status = ?, last_error = ?, last_attempt_at = ?, next_due_at = ?,
                        consecutive_failures = consecutive_failures + 1
                    WHERE feed = ?
                    """,
                arguments: [status, error, now.unix, nextDue.unix, feed])
        }
    }

    /// Records a 304: the feed is healthy and unchanged.
    public func recordNotModified(feed: String, at now: Date, nextDue: Date) async throws(StoreError) {
        try await write { db in
            try Self.ensureFeed(db, feed)
            try db.execute(
                sql: """
                    UPDATE feed_state SET last_status = 304, last_error = NULL, consecutive_failures = 0,
                        last_attempt_at = ?, last_success_at = ?, next_due_at = ?
                    WHERE feed = ?
                    """,
                arguments: [now.unix, now.unix, nextDue.unix, feed])
        }
    }

    static func ensureFeed(_ db: Database, _ feed: String) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO feed_state (feed) VALUES (?)", arguments: [feed])
    }
}

extension FeedState {
    init(row: Row) {
        self.init(
            feed: row["feed"], etag: row["etag"], lastModified: row["last_modified"], lastStatus: row["last_status"],
            lastError: row["last_error"], consecutiveFailures: row["consecutive_failures"],
            lastAttemptAt: (row["last_attempt_at"] as Double?).map(Date.init(unix:)),
            lastSuccessAt: (row["last_success_at"] as Double?).map(Date.init(unix:)),
            nextDueAt: (row["next_due_at"] as Double?).map(Date.init(unix:)),
            movedTo: row["moved_to"], itemsSeen: row["items_seen"])
    }
}
