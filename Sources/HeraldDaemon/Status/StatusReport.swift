import Foundation
import HeraldCore
import HeraldStore

/// What `herald status`, the daemon's `STATUS=` line and the status page show: every feed, sink
/// and rule of the config, with what the state file knows of them.
public struct StatusReport: Sendable, Codable {
    /// One feed's health.
    public struct FeedStatus: Sendable, Codable {
        public enum Health: String, Sendable, Codable {
            /// Never polled yet.
            case new
            case ok
            /// The last poll failed.
            case failing
            /// Failed `unhealthy_after` times in a row (a notice was sent).
            case unhealthy
        }

        public var name: String
        public var url: String
        public var health: Health
        public var lastSuccess: Date?
        public var lastAttempt: Date?
        public var nextDue: Date?
        /// Seconds between polls: the configured interval, or for an adaptive feed the one its
        /// publishing gap gives now.
        public var interval: Double
        public var adaptive: Bool
        /// Mean seconds between the feed's publications, as read from its dates.
        public var publishingGap: Double?
        public var consecutiveFailures: Int
        public var lastError: String?
        public var itemsSeen: Int
        public var alerts24h: Int
        public var movedTo: String?
    }

    /// One sink's backlog.
    public struct SinkStatus: Sendable, Codable {
        public var name: String
        public var pending: Int
        public var failing: Int
        /// Dead letters waiting for `herald dlq retry` or `purge`.
        public var dead: Int
        /// Why the sink is switched off (401/403/404/410 from its receiver); nil while it is on.
        public var disabled: String?
        public var lastError: String?
    }

    public struct RuleStatus: Sendable, Codable {
        public var name: String
        public var hits24h: Int
    }

    /// A story's later report (`follow-up`) or its "also reported by" update (`story-update`), with
    /// the story's outlets so far.
    public struct FollowUpStatus: Sendable, Codable {
        public var id: String
        public var kind: Alert.Kind
        public var rule: String
        public var feed: String
        public var title: String
        public var link: String?
        public var createdAt: Date
        public var story: StoryInfo?
    }

    public var generatedAt: Date
    public var stateFile: String
    public var feeds: [FeedStatus]
    public var sinks: [SinkStatus]
    public var rules: [RuleStatus]
    /// The latest follow-ups and story updates of the last 7 days, newest first (at most 20).
    public var followUps: [FollowUpStatus] = []

    /// Reads everything from the store for the feeds, sinks and rules of `config`.
    public static func build(config: HeraldConfig, store: HeraldStore, now: Date = Date()) async throws -> StatusReport
    {
        let day = now.addingTimeInterval(-86_400)
        let states = try await store.feedStates()
        let byFeed = try await store.alertCountsByFeed(since: day)
        let byRule = try await store.alertCountsByRule(since: day)
        let backlog = Dictionary(uniqueKeysWithValues: try await store.backlog().map { ($0.sink, $0) })
        let feeds = config.feeds.map { feed -> FeedStatus in
            let state = states[feed.name].flatMap { $0.url == feed.url.absoluteString ? $0 : nil }
            let health: FeedStatus.Health =
                if state?.lastAttemptAt == nil { .new } else if state?.unhealthySince != nil {
                    .unhealthy
                } else if (state?.consecutiveFailures ?? 0) > 0 { .failing } else { .ok }
            return FeedStatus(
                name: feed.name, url: feed.url.absoluteString, health: health, lastSuccess: state?.lastSuccessAt,
                lastAttempt: state?.lastAttemptAt, nextDue: state?.nextDueAt,
                interval: feed.pollInterval(publishingGap: state?.publishingGap).seconds,
                adaptive: feed.adaptive != nil, publishingGap: state?.publishingGap?.seconds,
                consecutiveFailures: state?.consecutiveFailures ?? 0, lastError: state?.lastError,
                itemsSeen: state?.itemsSeen ?? 0, alerts24h: byFeed[feed.name] ?? 0, movedTo: state?.movedTo)
        }
        let sinks = config.sinks.map { sink in
            let entry = backlog[sink.name]
            return SinkStatus(
                name: sink.name, pending: entry?.pending ?? 0, failing: entry?.failing ?? 0, dead: entry?.dead ?? 0,
                disabled: entry?.disabledAt != nil ? (entry?.disabledReason ?? "disabled") : nil,
                lastError: entry?.lastError)
        }
        let rules = config.rules.map { RuleStatus(name: $0.name, hits24h: byRule[$0.name] ?? 0) }
        let followUps = try await store.followUps(since: now.addingTimeInterval(-7 * 86_400)).map { alert in
            FollowUpStatus(
                id: alert.id, kind: alert.kind, rule: alert.rule, feed: alert.feed, title: alert.title,
                link: alert.link,
                createdAt: alert.createdAt, story: alert.story)
        }
        return StatusReport(
            generatedAt: now, stateFile: store.path, feeds: feeds, sinks: sinks, rules: rules, followUps: followUps)
    }

    /// One line for systemd's `STATUS=`: feeds ok/failing, pending deliveries.
    public var summaryLine: String {
        let ok = feeds.filter { $0.health == .ok }.count
        let failing = feeds.filter { $0.health == .failing || $0.health == .unhealthy }.count
        let pending = sinks.reduce(0) { $0 + $1.pending }
        var line = "\(ok)/\(feeds.count) feeds ok, \(failing) failing, \(pending) alerts pending delivery"
        let dead = sinks.reduce(0) { $0 + $1.dead }
        if dead > 0 { line += ", \(dead) dead letters" }
        let disabled = sinks.filter { $0.disabled != nil }.map(\.name)
        if !disabled.isEmpty { line += ", sinks disabled: " + disabled.joined(separator: " ") }
        return line
    }
}
