import GRDB

/// The state file's schema, as forward-only named migrations. Never edit a shipped migration:
/// add the next one.
///
/// Times are stored as Unix seconds (REAL) so SQL can compare them directly.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-feeds-items-alerts-outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feed_state (
                        feed TEXT PRIMARY KEY NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        last_status INTEGER,
                        last_error TEXT,
                        consecutive_failures INTEGER NOT NULL DEFAULT 0,
                        last_attempt_at REAL,
                        last_success_at REAL,
                        next_due_at REAL,
                        moved_to TEXT,
                        items_seen INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE item (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        feed TEXT NOT NULL,
                        identity TEXT NOT NULL UNIQUE,
                        guid TEXT,
                        link TEXT,
                        title TEXT NOT NULL,
                        published_at REAL,
                        first_seen_at REAL NOT NULL
                    );
                    CREATE TABLE seen_key (
                        key TEXT PRIMARY KEY NOT NULL,
                        item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE TABLE alert (
                        id TEXT PRIMARY KEY NOT NULL,
                        rule TEXT NOT NULL,
                        feed TEXT NOT NULL,
                        item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                        payload TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE INDEX alert_by_rule ON alert(rule, created_at);
                    CREATE TABLE outbox (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        alert_id TEXT NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
                        sink TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        next_attempt_at REAL NOT NULL,
                        lease_owner TEXT,
                        lease_until REAL,
                        delivered_at REAL,
                        UNIQUE (alert_id, sink)
                    );
                    CREATE INDEX outbox_pending ON outbox(sink, seq) WHERE state = 'pending';
                    """)
        }
        migrator.registerMigration("v2-identity-redirects-notices") { db in
            // Notices (feed unhealthy / recovered) are alerts without an item: rebuild `alert` with a
            // nullable item_id (SQLite cannot relax NOT NULL in place). GRDB defers foreign-key checks
            // until the migration commits.
            try db.execute(
                sql: """
                    CREATE TABLE alert_v2 (
                        id TEXT PRIMARY KEY NOT NULL,
                        rule TEXT NOT NULL,
                        feed TEXT NOT NULL,
                        item_id INTEGER REFERENCES item(id) ON DELETE CASCADE,
                        payload TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    INSERT INTO alert_v2 SELECT id, rule, feed, item_id, payload, created_at FROM alert;
                    DROP TABLE alert;
                    ALTER TABLE alert_v2 RENAME TO alert;
                    CREATE INDEX alert_by_rule ON alert(rule, created_at);
                    ALTER TABLE item ADD COLUMN fingerprint TEXT;
                    ALTER TABLE item ADD COLUMN edited_at REAL;
                    ALTER TABLE feed_state ADD COLUMN url TEXT;
                    ALTER TABLE feed_state ADD COLUMN redirect_candidate TEXT;
                    ALTER TABLE feed_state ADD COLUMN redirect_observations INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE feed_state ADD COLUMN unhealthy_since REAL;
                    """)
        }
        migrator.registerMigration("delivery-dead-letters-disabled-sinks") { db in
            // Dead letters are outbox rows in a third state, so SQLite's CHECK constraint needs the
            // table rebuilt; the new columns keep what the receiver last said.
            try db.execute(
                sql: """
                    CREATE TABLE outbox_v2 (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        alert_id TEXT NOT NULL REFERENCES alert(id) ON DELETE CASCADE,
                        sink TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
                        attempts INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        next_attempt_at REAL NOT NULL,
                        lease_owner TEXT,
                        lease_until REAL,
                        delivered_at REAL,
                        first_failed_at REAL,
                        last_status INTEGER,
                        response_excerpt TEXT,
                        dead_at REAL,
                        UNIQUE (alert_id, sink)
                    );
                    INSERT INTO outbox_v2 (seq, alert_id, sink, state, attempts, last_error, next_attempt_at,
                        lease_owner, lease_until, delivered_at)
                        SELECT seq, alert_id, sink, state, attempts, last_error, next_attempt_at, lease_owner,
                            lease_until, delivered_at FROM outbox;
                    DROP TABLE outbox;
                    ALTER TABLE outbox_v2 RENAME TO outbox;
                    CREATE INDEX outbox_pending ON outbox(sink, seq) WHERE state = 'pending';
                    CREATE INDEX outbox_dead ON outbox(sink, seq) WHERE state = 'dead';
                    CREATE TABLE sink_state (
                        sink TEXT PRIMARY KEY NOT NULL,
                        disabled_at REAL,
                        disabled_reason TEXT
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("stories-v1") { db in
            // story_member: which story each recorded item joined, with enough of its text to
            // rebuild the in-memory story window after a restart. story_alert: per (rule, story),
            // the first alert (NULL while min_sources holds it back) and the follow-up batching state.
            try db.execute(
                sql: """
                    CREATE TABLE story_member (
                        item_id INTEGER PRIMARY KEY REFERENCES item(id) ON DELETE CASCADE,
                        story_id TEXT NOT NULL,
                        feed TEXT NOT NULL,
                        source TEXT,
                        language TEXT NOT NULL,
                        title TEXT NOT NULL,
                        body TEXT NOT NULL,
                        link TEXT,
                        reason TEXT NOT NULL,
                        score REAL NOT NULL,
                        at REAL NOT NULL
                    );
                    CREATE INDEX story_member_by_story ON story_member(story_id, at);
                    CREATE INDEX story_member_by_time ON story_member(at);
                    CREATE TABLE story_alert (
                        rule TEXT NOT NULL,
                        story_id TEXT NOT NULL,
                        alert_id TEXT,
                        title TEXT NOT NULL,
                        sinks TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        last_update_at REAL NOT NULL,
                        update_interval REAL NOT NULL,
                        pending INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (rule, story_id)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("stories-v2-outlet-index") { db in
            // What a new report's alert says about its story (outlets, languages, count) is read
            // from this index alone, without the reports' stored text.
            try db.execute(
                sql: "CREATE INDEX story_member_outlets ON story_member(story_id, feed, at, source, language)")
        }
        migrator.registerMigration("feed-publishing-gap") { db in
            // Seconds between a feed's publications, read from its dates: adaptive intervals.
            try db.execute(sql: "ALTER TABLE feed_state ADD COLUMN publishing_gap REAL")
        }
        migrator.registerMigration("delivery-remote-message") { db in
            // The receiver's own id of a delivered message (Discord message id, Slack ts and channel,
            // Telegram message_id), so a story's follow-ups can reply to it or edit it.
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN remote_id TEXT;
                    ALTER TABLE outbox ADD COLUMN remote_channel TEXT;
                    """)
        }
        migrator.registerMigration("story-change-log") { db in
            // What each process recorded in the story tables (a report joining a story, a story
            // folded into another), in order and by writer, so that a process whose story window
            // was built earlier can catch up with what another process on the same file recorded.
            try db.execute(
                sql: """
                    CREATE TABLE story_change (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        writer TEXT NOT NULL,
                        item_id INTEGER,
                        story_id TEXT NOT NULL,
                        folded TEXT,
                        at REAL NOT NULL
                    );
                    CREATE INDEX story_change_by_time ON story_change(at);
                    """)
        }
        return migrator
    }
}
