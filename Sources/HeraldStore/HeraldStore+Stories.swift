import Foundation
import GRDB
import HeraldCore

/// The story a new item joined (from `StoryClusterer`), and how each rule treats its stories.
public struct StoryStamp: Sendable, Hashable {
    public var storyID: String
    public var language: String
    /// How the item joined (`new`, `copy`, `similar`, `cross-language`) and the deciding score.
    public var reason: String
    public var score: Double
    /// The feed's own title, shown as the outlet's name.
    public var source: String?
    /// The item's text (its start), kept to rebuild the story window after a restart.
    public var body: String
    /// The time the item counts for in the story window.
    public var at: Date
    /// The story policy of each rule, by rule name; a rule not listed uses the defaults.
    public var policies: [String: StoryPolicy]
    /// Which story window assigned it (one per process): other processes on the same state file
    /// catch up with what it recorded (`storyChanges(after:notBy:)`).
    public var writer: String

    public init(
        storyID: String, language: String, reason: String, score: Double, source: String?, body: String, at: Date,
        policies: [String: StoryPolicy], writer: String = ""
    ) {
        self.writer = writer
        self.storyID = storyID
        self.language = language
        self.reason = reason
        self.score = score
        self.source = source
        self.body = body
        self.at = at
        self.policies = policies
    }
}

/// One recorded report of a story.
public struct StoryReport: Sendable, Hashable {
    public var itemKey: String
    public var storyID: String
    public var feed: String
    public var source: String?
    public var language: String
    public var title: String
    public var body: String
    public var link: String?
    public var reason: String
    public var at: Date
}

/// What another process recorded in the story tables since a story window was built: a report
/// that joined a story, or a story folded into another.
public enum StoryChange: Sendable, Hashable {
    case joined(StoryReport)
    case folded(String, into: String)
}

/// A story as `herald stories` shows it: its reports in order, and the alerts raised for it.
public struct StorySummary: Sendable, Hashable {
    public var id: String
    public var reports: [StoryReport]
    /// The rules that alerted on it (or hold it for `min_sources`), by name, with the first alert.
    public var alerts: [String: String?]

    public var outlets: [String] { StoryOutlets.names(reports.map { ($0.feed, $0.source) }) }
    public var languages: [String] { Array(Set(reports.map(\.language))).sorted() }
    public var first: Date { reports.first?.at ?? .distantPast }
    public var last: Date { reports.last?.at ?? .distantPast }
}

/// Distinct outlets in order of first report: one per feed, shown by the feed's title.
enum StoryOutlets {
    static func names(_ reports: [(feed: String, source: String?)]) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for report in reports where seen.insert(report.feed).inserted { names.append(report.source ?? report.feed) }
        return names
    }
}

extension HeraldStore {
    /// Reports recorded since `date`, oldest first, and the mark of the last story change they
    /// include (`storyChangeMark()`), read in one transaction: what builds a story window.
    public func storyWindow(since date: Date) async throws(StoreError) -> (reports: [StoryReport], mark: Int64) {
        try await read { db in
            let mark = try Self.storyChangeMark(db)
            let reports = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.*, i.identity FROM story_member m JOIN item i ON i.id = m.item_id
                    WHERE m.at >= ? ORDER BY m.at, m.item_id
                    """,
                arguments: [date.unix]
            ).map(StoryReport.init(row:))
            return (reports, mark)
        }
    }

    /// The mark of the last change any process recorded in the story tables: a story window built
    /// at an older mark has something to catch up with. One look-up of an integer key.
    public func storyChangeMark() async throws(StoreError) -> Int64 {
        try await read { db in try Self.storyChangeMark(db) }
    }

    static func storyChangeMark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM story_change") ?? 0
    }

    /// The changes recorded after `mark` by story windows other than `writer`, in order, and the
    /// mark they bring a window to. A report since pruned is left out.
    public func storyChanges(
        after mark: Int64, notBy writer: String
    ) async throws(StoreError) -> (changes: [StoryChange], mark: Int64) {
        try await read { db in
            let last = try Self.storyChangeMark(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.story_id, c.folded, m.item_id, m.feed, m.source, m.language, m.title, m.body,
                        m.link, m.reason, m.at, i.identity
                    FROM story_change c LEFT JOIN story_member m ON m.item_id = c.item_id
                    LEFT JOIN item i ON i.id = m.item_id
                    WHERE c.seq > ? AND c.seq <= ? AND c.writer != ? ORDER BY c.seq
                    """,
                arguments: [mark, last, writer])
            let changes = rows.compactMap { row -> StoryChange? in
                if let folded = row["folded"] as String? { return .folded(folded, into: row["story_id"]) }
                guard (row["identity"] as String?) != nil else { return nil }
                return .joined(StoryReport(row: row))
            }
            return (changes, last)
        }
    }

    /// Stories with a report since `date`, most recent first; only those a rule alerted on (or
    /// holds) when `rule` is given.
    public func stories(since date: Date, rule: String? = nil) async throws(StoreError) -> [StorySummary] {
        try await read { db in
            var ids = try String.fetchAll(
                db, sql: "SELECT story_id FROM story_member WHERE at >= ? GROUP BY story_id ORDER BY MAX(at) DESC",
                arguments: [date.unix])
            if let rule {
                let alerted = Set(
                    try String.fetchAll(db, sql: "SELECT story_id FROM story_alert WHERE rule = ?", arguments: [rule]))
                ids = ids.filter(alerted.contains)
            }
            return try ids.map { id in
                let reports = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT m.*, i.identity FROM story_member m JOIN item i ON i.id = m.item_id
                        WHERE m.story_id = ? ORDER BY m.at, m.item_id
                        """,
                    arguments: [id]
                ).map(StoryReport.init(row:))
                var alerts: [String: String?] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT rule, alert_id FROM story_alert WHERE story_id = ?", arguments: [id])
                {
                    alerts[row["rule"] as String] = .some(row["alert_id"] as String?)
                }
                return StorySummary(id: id, reports: reports, alerts: alerts)
            }
        }
    }

    /// Sends the "also reported by" updates that are due: stories with quiet follow-ups whose
    /// rule's `followup_interval` has passed since the last update. Returns the updates queued.
    public func flushStoryUpdates(at now: Date) async throws(StoreError) -> [Alert] {
        try await write { db in
            let due = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM story_alert
                    WHERE pending > 0 AND alert_id IS NOT NULL AND last_update_at + update_interval <= ?
                    """,
                arguments: [now.unix])
            return try due.compactMap { row in try Self.sendUpdate(db, row: row, at: now) }
        }
    }

    /// Folds stories into others, as the story window did when a report tied them (`into` is
    /// the story that stays, `from` the stories folded into it): their recorded reports become
    /// the story's, so that `herald stories` and a rebuilt window see one story. An alert already
    /// sent stays as it was. For each rule, the story keeps its own first alert if it has one —
    /// the folded story's quiet follow-ups waiting for an update then count for it — and
    /// otherwise takes over the folded story's, so that later follow-ups attach to that alert.
    /// `writer` names the story window that folded them, as in `StoryStamp.writer`.
    public func foldStories(
        _ folds: [(into: String, from: [String])], writer: String = "", at now: Date = Date()
    ) async throws(StoreError) {
        guard !folds.isEmpty else { return }
        try await write { db in
            for fold in folds {
                for folded in fold.from where folded != fold.into {
                    try Self.foldStory(db, folded, into: fold.into)
                    try db.execute(
                        sql: "INSERT INTO story_change (writer, story_id, folded, at) VALUES (?, ?, ?, ?)",
                        arguments: [writer, fold.into, folded, now.unix])
                }
            }
        }
    }

    static func foldStory(_ db: Database, _ folded: String, into story: String) throws {
        try db.execute(sql: "UPDATE story_member SET story_id = ? WHERE story_id = ?", arguments: [story, folded])
        for row in try Row.fetchAll(db, sql: "SELECT * FROM story_alert WHERE story_id = ?", arguments: [folded]) {
            let rule: String = row["rule"]
            let kept = try Row.fetchOne(
                db, sql: "SELECT alert_id FROM story_alert WHERE rule = ? AND story_id = ?", arguments: [rule, story])
            if let kept, (kept["alert_id"] as String?) != nil || (row["alert_id"] as String?) == nil {
                try db.execute(
                    sql: "UPDATE story_alert SET pending = pending + ? WHERE rule = ? AND story_id = ?",
                    arguments: [row["pending"] as Int, rule, story])
                try db.execute(
                    sql: "UPDATE story_alert SET pending = 0 WHERE rule = ? AND story_id = ?",
                    arguments: [rule, folded])
            } else {
                // The story has no alert of this rule yet (or one held back for min_sources): the
                // folded story's first alert becomes the story's.
                try db.execute(
                    sql: "DELETE FROM story_alert WHERE rule = ? AND story_id = ?", arguments: [rule, story])
                try db.execute(
                    sql: "UPDATE story_alert SET story_id = ? WHERE rule = ? AND story_id = ?",
                    arguments: [story, rule, folded])
            }
        }
    }

    /// Forgets story reports older than `cutoff` less 72 hours (the default story window, so a
    /// short retention never empties the window the daemon rebuilds from), and the per-rule
    /// state of stories with no report left.
    static func pruneStories(_ db: Database, before cutoff: Date) throws {
        try db.execute(sql: "DELETE FROM story_member WHERE at < ?", arguments: [cutoff.unix - 72 * 3600])
        try db.execute(sql: "DELETE FROM story_change WHERE at < ?", arguments: [cutoff.unix - 72 * 3600])
        try db.execute(
            sql: """
                DELETE FROM story_alert WHERE last_update_at < ?
                AND NOT EXISTS (SELECT 1 FROM story_member m WHERE m.story_id = story_alert.story_id)
                """,
            arguments: [cutoff.unix - 72 * 3600])
    }

    static func joinStory(_ db: Database, _ stamp: StoryStamp, item: Item, itemID: Int64) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO story_member
                    (item_id, story_id, feed, source, language, title, body, link, reason, score, at)
                SELECT ?, ?, feed, ?, ?, title, ?, link, ?, ?, ? FROM item WHERE id = ?
                """,
            arguments: [
                itemID, stamp.storyID, stamp.source, stamp.language, stamp.body, stamp.reason, stamp.score,
                stamp.at.unix, itemID,
            ])
        try db.execute(
            sql: "INSERT INTO story_change (writer, item_id, story_id, at) VALUES (?, ?, ?, ?)",
            arguments: [stamp.writer, itemID, stamp.storyID, stamp.at.unix])
    }

    /// Where the story stands now, for an alert's payload.
    static func storyInfo(_ db: Database, _ storyID: String, followUpOf: String? = nil) throws -> StoryInfo {
        // Aggregated in SQL: a story can hold thousands of reports, and this runs for each new one.
        // Per feed, the source name of its first report (SQLite takes `source` from the MIN row).
        let feeds = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT feed, source, MIN(at) AS first FROM story_member WHERE story_id = ? GROUP BY feed "
                    + "ORDER BY first, feed"),
            arguments: [storyID])
        let outlets = StoryOutlets.names(feeds.map { ($0["feed"] as String, $0["source"] as String?) })
        let languages = try String.fetchAll(
            db.cachedStatement(sql: "SELECT DISTINCT language FROM story_member WHERE story_id = ? ORDER BY language"),
            arguments: [storyID])
        let items =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT COUNT(*) FROM story_member WHERE story_id = ?"), arguments: [storyID])
            ?? 0
        return StoryInfo(
            id: storyID, sources: outlets.count, languages: languages, outlets: outlets, items: items,
            followUpOf: followUpOf)
    }

    /// Queues `routed` as its story asks: the story's first match for the rule is sent at once;
    /// a later one is a follow-up (recorded, sent only with `followups: each`, and gathered into
    /// an "also reported by" update once `followup_interval` has passed); while `min_sources`
    /// outlets have not reported the story the match is held. Returns the alerts queued to sinks.
    static func enqueue(
        _ db: Database, _ routed: RoutedAlert, story stamp: StoryStamp?, itemID: Int64, at now: Date
    ) throws -> [Alert] {
        guard let stamp, routed.alert.kind == .match else {
            return try enqueue(db, routed, itemID: itemID, at: now) ? [routed.alert] : []
        }
        let rule = routed.alert.rule
        let policy = stamp.policies[rule] ?? StoryPolicy()
        var alert = routed.alert
        let existing = try Row.fetchOne(
            db, sql: "SELECT * FROM story_alert WHERE rule = ? AND story_id = ?", arguments: [rule, stamp.storyID])
        if let existing, let first = existing["alert_id"] as String? {
            alert.kind = .followUp
            alert.story = try storyInfo(db, stamp.storyID, followUpOf: first)
            let each = policy.followUps == .each
            var sent: [Alert] = []
            if try enqueue(db, RoutedAlert(alert: alert, sinks: each ? routed.sinks : []), itemID: itemID, at: now) {
                if each { sent.append(alert) }
                if !each {
                    try db.execute(
                        sql: "UPDATE story_alert SET pending = pending + 1 WHERE rule = ? AND story_id = ?",
                        arguments: [rule, stamp.storyID])
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM story_alert WHERE rule = ? AND story_id = ?",
                        arguments: [rule, stamp.storyID])
                    if let row, (row["last_update_at"] as Double) + (row["update_interval"] as Double) <= now.unix,
                        let update = try sendUpdate(db, row: row, at: now)
                    {
                        sent.append(update)
                    }
                }
            }
            return sent
        }
        alert.story = try storyInfo(db, stamp.storyID)
        if policy.minSources > 1 {
            let within = now.unix - Double(policy.minSourcesWithin.components.seconds)
            let outlets =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(DISTINCT feed) FROM story_member WHERE story_id = ? AND at >= ?",
                    arguments: [stamp.storyID, within]) ?? 0
            if outlets < policy.minSources {
                alert.kind = .held
                _ = try enqueue(db, RoutedAlert(alert: alert, sinks: []), itemID: itemID, at: now)
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO story_alert
                            (rule, story_id, alert_id, title, sinks, created_at, last_update_at, update_interval)
                        VALUES (?, ?, NULL, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        rule, stamp.storyID, alert.title, routed.sinks.joined(separator: "\n"), now.unix, now.unix,
                        Double(policy.followUpInterval.components.seconds),
                    ])
                return []
            }
        }
        guard try enqueue(db, RoutedAlert(alert: alert, sinks: routed.sinks), itemID: itemID, at: now) else {
            return []
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO story_alert
                    (rule, story_id, alert_id, title, sinks, created_at, last_update_at, update_interval, pending)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                """,
            arguments: [
                rule, stamp.storyID, alert.id, alert.title, routed.sinks.joined(separator: "\n"), now.unix, now.unix,
                Double(policy.followUpInterval.components.seconds),
            ])
        return [alert]
    }

    /// Queues one "also reported by N outlets" update for the story_alert `row` and resets its
    /// batching state.
    static func sendUpdate(_ db: Database, row: Row, at now: Date) throws -> Alert? {
        let rule: String = row["rule"]
        let storyID: String = row["story_id"]
        guard let first = row["alert_id"] as String? else { return nil }
        let info = try storyInfo(db, storyID, followUpOf: first)
        guard let also = info.alsoReportedBy else { return nil }
        let firstAlert = try String.fetchOne(db, sql: "SELECT payload FROM alert WHERE id = ?", arguments: [first])
            .flatMap { try? AlertCoding.decoder.decode(Alert.self, from: Data($0.utf8)) }
        let title: String = row["title"]
        let update = Alert(
            id: Alert.id(rule: rule, itemKey: "story-update\u{1F}\(storyID)\u{1F}\(info.items)"), kind: .storyUpdate,
            rule: rule, feed: firstAlert?.feed ?? "", source: firstAlert?.source,
            title: "\(also) — \(title)",
            link: firstAlert?.link, published: firstAlert?.published,
            summary: "\(info.items) reports from \(info.sources) outlets in \(info.languages.joined(separator: ", "))",
            createdAt: now, story: info)
        let sinks = (row["sinks"] as String).split(separator: "\n").map(String.init)
        try db.execute(
            sql: "UPDATE story_alert SET pending = 0, last_update_at = ? WHERE rule = ? AND story_id = ?",
            arguments: [now.unix, rule, storyID])
        guard try enqueue(db, RoutedAlert(alert: update, sinks: sinks), itemID: nil, at: now) else { return nil }
        return update
    }
}

extension StoryReport {
    init(row: Row) {
        self.init(
            itemKey: row["identity"], storyID: row["story_id"], feed: row["feed"], source: row["source"],
            language: row["language"], title: row["title"], body: row["body"], link: row["link"],
            reason: row["reason"], at: Date(unix: row["at"]))
    }
}
