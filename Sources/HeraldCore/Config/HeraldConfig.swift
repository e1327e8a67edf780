import Foundation

/// Herald's whole configuration, as read from one YAML file and checked.
///
/// Keys (all documented with examples in the README and `config/demo.yaml`):
/// - `state`: path of the SQLite state file, relative to the config file's folder. Optional; see
///   `StatePath` for the full order of precedence.
/// - `retention`: how long history is kept (default 30 days); see `HeraldStore.prune`.
/// - `story_window`: how long a story stays open to new reports (default 72h).
/// - `defaults`: `interval`, `timeout`, `max_body`, `first_poll_window`, `unhealthy_after` and
///   `allow_private_network` applied to every feed that does not set its own.
/// - `http`: limits of the HTTP client, described on `HTTPSettings`.
/// - `feeds`, `rules`, `sinks`: lists, described on `FeedConfig`, `RuleConfig` and `SinkConfig`.
/// - `aliases`: named spelling sets shared by every rule (`@name` in a query), by name; each a
///   definition `'{ en: "al-Shaibani" | Shaibani ; ar: الشيباني }'` or a mapping of language to a
///   list of variants (`docs/rules.md`).
/// - `include`: rule files (relative to this file's folder) whose `aliases` and `rules` are added
///   to this file's.
public struct HeraldConfig: Sendable, Hashable {
    /// Absolute path of the file this was read from ("-" for standard input).
    public var file: String
    public var state: String?
    public var feeds: [FeedConfig]
    public var rules: [RuleConfig]
    public var sinks: [SinkConfig]
    /// The aliases of this file and its included rule files.
    public var aliases: AliasTable
    public var http: HTTPSettings
    /// `retention`: how long alert history, confirmed deliveries and item titles are kept. Identity
    /// keys are kept for ever, so an old item never alerts again.
    public var retention: Duration = HeraldConfig.defaultRetention
    /// `story_window`: how far back a report may join a story (default 72h); see `StoryClusterer`.
    public var storyWindow: Duration = HeraldConfig.defaultStoryWindow

    public static let defaultRetention: Duration = .seconds(30 * 86_400)
    public static let defaultStoryWindow: Duration = .seconds(72 * 3600)

    public init(
        file: String, state: String? = nil, feeds: [FeedConfig], rules: [RuleConfig], sinks: [SinkConfig],
        aliases: AliasTable = AliasTable(), http: HTTPSettings = .init()
    ) {
        self.file = file
        self.state = state
        self.feeds = feeds
        self.rules = rules
        self.sinks = sinks
        self.aliases = aliases
        self.http = http
    }
}

/// How many requests Herald's HTTP client runs at once (`http:` in the config). Both are read when
/// Herald starts; a reload keeps the running client's limits.
///
/// - `max_transfers`: transfers in flight at once, all hosts together (default 8).
/// - `per_host`: transfers in flight at once to one host and port (default 1: publishers ban
///   aggressive pollers). Requests beyond it wait their turn; other hosts are not held up.
public struct HTTPSettings: Sendable, Hashable {
    public var maxTransfers: Int
    public var perHost: Int

    public static let defaultMaxTransfers = 8
    public static let defaultPerHost = 1

    public init(maxTransfers: Int = defaultMaxTransfers, perHost: Int = defaultPerHost) {
        self.maxTransfers = maxTransfers
        self.perHost = perHost
    }
}

/// One feed to poll.
///
/// - `name`: unique, letters, digits, `.`, `_`, `-`. Appears in alerts and logs.
/// - `url`: `http(s)://…`, or `file:PATH` (relative to the config file's folder) with `allow_file: true`.
/// - `allow_file`: permit `file:` URLs (default false; the offline demo uses it).
/// - `interval`: time between polls, e.g. `90s`, `10m`, `1h30m` (default `defaults.interval`, else 10m).
/// - `adaptive_interval`: `true`, or `{min: 5m, max: 6h}`: poll about twice per publishing gap the
///   feed shows, within those bounds, instead of every `interval` (see `AdaptiveInterval`).
/// - `timeout`: whole-request limit (default `defaults.timeout`, else 30s).
/// - `max_body`: cap on the decompressed body, e.g. `10MB` (default `defaults.max_body`, else 16MB).
/// - `tags`: labels rules can select feeds by.
/// - `language`: a hint such as `en` or `ar`, for items that do not say.
/// - `identity`: which item keys make an item "seen": a list of `guid`, `link`, `fingerprint`
///   (default `[guid, link]`). A feed whose guids are unstable can say `[link]`.
/// - `first_poll_window`: on a feed's first successful poll, only items published within this
///   window may alert (the rest are recorded as seen); `all` lets every item alert (default
///   `defaults.first_poll_window`, else 24h). Undated items do not alert on a first poll.
/// - `unhealthy_after`: consecutive failures before one "feed unhealthy" notice goes to the sinks
///   (and one "recovered" notice when it heals); `0` turns notices off (default 5).
/// - `allow_private_network`: let the feed's URL (and its redirects) reach loopback, private
///   (RFC 1918), link-local, CGNAT, unique-local and similar addresses, and IPv6 forms that carry
///   one (default `defaults.allow_private_network`, else false: such connections are refused at
///   connect time, judged on the resolved address of every hop).
public struct FeedConfig: Sendable, Hashable {
    public var name: String
    public var url: URL
    public var allowFile: Bool
    public var interval: Duration
    /// Nil: the feed is polled every `interval`.
    public var adaptive: AdaptiveInterval?
    public var timeout: Duration
    public var maxBodyBytes: Int
    public var tags: [String]
    public var language: String?
    public var identity: [IdentityKeyKind]
    /// Nil: every item of a first poll may alert.
    public var firstPollWindow: Duration?
    public var unhealthyAfter: Int
    public var allowPrivateNetwork: Bool

    public static let defaultFirstPollWindow: Duration = .seconds(24 * 3600)
    public static let defaultUnhealthyAfter = 5
    public static let defaultInterval: Duration = .seconds(600)
    public static let defaultTimeout: Duration = .seconds(30)
    public static let defaultMaxBodyBytes = 16 << 20

    public init(
        name: String, url: URL, allowFile: Bool = false, interval: Duration = defaultInterval,
        timeout: Duration = defaultTimeout, maxBodyBytes: Int = defaultMaxBodyBytes, tags: [String] = [],
        language: String? = nil, identity: [IdentityKeyKind] = ItemIdentity.defaultPolicy,
        firstPollWindow: Duration? = defaultFirstPollWindow, unhealthyAfter: Int = defaultUnhealthyAfter,
        allowPrivateNetwork: Bool = false, adaptive: AdaptiveInterval? = nil
    ) {
        self.name = name
        self.url = url
        self.allowFile = allowFile
        self.interval = interval
        self.adaptive = adaptive
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.tags = tags
        self.language = language
        self.identity = identity
        self.firstPollWindow = firstPollWindow
        self.unhealthyAfter = unhealthyAfter
        self.allowPrivateNetwork = allowPrivateNetwork
    }
}

extension FeedConfig {
    /// The time between two polls: `interval`, or for an adaptive feed half the gap between the
    /// feed's own publications (`publishingGap`, from `AdaptiveInterval.publishingGap`) within its
    /// bounds, and `interval` within those bounds until a gap is known.
    public func pollInterval(publishingGap: Duration?) -> Duration {
        guard let adaptive else { return interval }
        return adaptive.clamped(publishingGap.map { $0 / 2 } ?? interval)
    }
}

/// Polling a feed about as often as it publishes: twice per publishing gap, so a new item waits
/// half a gap on average, bounded below (politeness) and above (a quiet feed is still checked).
///
/// The gap is read from the feed's own dates on every full fetch: the items published within
/// the last seven days, spread over the time since the oldest of them. A feed that shows only its
/// newest 20 items of a busy day therefore gives a gap of minutes, not a week divided by 20; one
/// with nothing in seven days gives the whole week, that is `max`. Items dated in the future are
/// ignored; a feed without dates keeps its last known gap.
public struct AdaptiveInterval: Sendable, Hashable {
    public var min: Duration
    public var max: Duration

    public static let defaultMin: Duration = .seconds(5 * 60)
    public static let defaultMax: Duration = .seconds(6 * 3600)
    /// How far back publications count towards the gap.
    public static let window: Duration = .seconds(7 * 86_400)

    public init(min: Duration = defaultMin, max: Duration = defaultMax) {
        self.min = min
        self.max = max
    }

    public func clamped(_ interval: Duration) -> Duration {
        Swift.min(Swift.max(interval, min), max)
    }

    /// The mean gap between the feed's publications in the last `window`, or nil when no item
    /// carries a usable date.
    public static func publishingGap(_ dates: some Sequence<Date>, now: Date) -> Duration? {
        let start = now.addingTimeInterval(-window.seconds)
        let horizon = now.addingTimeInterval(300)  // a little clock skew is not "the future"
        var count = 0
        var oldest = now
        var dated = false
        for date in dates where date <= horizon {
            dated = true
            guard date >= start else { continue }
            count += 1
            oldest = Swift.min(oldest, date)
        }
        guard dated else { return nil }
        guard count > 0 else { return window }
        let span = Swift.max(now.timeIntervalSince(oldest), 60)
        return .milliseconds(Int64(span / Double(count) * 1000))
    }
}

/// One topic rule.
///
/// - `name`: unique; part of every alert's id.
/// - `query`: the rule, in Herald's query language (`docs/rules.md`).
/// - `feeds`: only items of these feeds (by name). Optional.
/// - `tags`: only items of feeds carrying one of these tags. Optional; with `feeds`, either selects.
/// - `sinks`: where its alerts go (by sink name). Optional; default every sink.
/// - `alert_on_edit`: alert again when a matching item's text changes materially (default false:
///   edits are recorded, not alerted).
/// - `expect`, `reject`: sentences the rule must match, and must not; `herald check` tries each
///   as an item title and fails when one does not hold.
public struct RuleConfig: Sendable, Hashable {
    public var name: String
    public var query: String
    public var feeds: [String]?
    public var tags: [String]?
    public var sinks: [String]?
    public var alertOnEdit: Bool
    public var expect: [String]
    public var reject: [String]
    /// The file the rule was read from, when it is an included rule file.
    public var file: String?
    /// How later reports of a story this rule alerted on are handled (`followups`,
    /// `followup_interval`, `min_sources`, `min_sources_within`).
    public var story: StoryPolicy = StoryPolicy()

    public init(
        name: String, query: String, feeds: [String]? = nil, tags: [String]? = nil, sinks: [String]? = nil,
        alertOnEdit: Bool = false, expect: [String] = [], reject: [String] = [], file: String? = nil,
        story: StoryPolicy = StoryPolicy()
    ) {
        self.name = name
        self.query = query
        self.feeds = feeds
        self.tags = tags
        self.sinks = sinks
        self.alertOnEdit = alertOnEdit
        self.expect = expect
        self.reject = reject
        self.file = file
        self.story = story
    }

    /// Whether the rule looks at items of `feed`.
    public func watches(_ feed: FeedConfig) -> Bool {
        if feeds == nil && tags == nil { return true }
        if let feeds, feeds.contains(feed.name) { return true }
        if let tags, !Set(tags).isDisjoint(with: feed.tags) { return true }
        return false
    }
}

/// How a rule treats the stories its matches belong to. The first matching report of a story
/// alerts at once; later ones are follow-ups.
///
/// - `followups: quiet | each` (default quiet): `quiet` records follow-ups (shown by `herald
///   alerts`) and sends one "also reported by N outlets" update at most every
///   `followup_interval` (default 1h); `each` sends every follow-up as it comes.
/// - `min_sources: N` (default 1): alert only once N distinct feeds carry the story within
///   `min_sources_within` (default 6h); earlier matches are recorded as held.
public struct StoryPolicy: Sendable, Hashable, Codable {
    public enum FollowUps: String, Sendable, Hashable, Codable, CaseIterable {
        case quiet, each
    }

    public var followUps: FollowUps
    public var followUpInterval: Duration
    public var minSources: Int
    public var minSourcesWithin: Duration

    public init(
        followUps: FollowUps = .quiet, followUpInterval: Duration = .seconds(3600), minSources: Int = 1,
        minSourcesWithin: Duration = .seconds(6 * 3600)
    ) {
        self.followUps = followUps
        self.followUpInterval = followUpInterval
        self.minSources = minSources
        self.minSourcesWithin = minSourcesWithin
    }
}

/// One place alerts go.
///
/// - `name`: unique; rules route by it.
/// - `type: stdout` with `format: text | json` (default text).
/// - `type: file` with `path` (relative to the config file's folder): one JSON object per line,
///   appended and fsync'd.
/// - `type: webhook` with `url` and `timeout` (default 10s). `url` is the service's own https
///   webhook URL (Slack, Discord, Teams, Mattermost, Rocket.Chat, Google Chat, ntfy, Gotify,
///   Telegram and matrix-hookshot are recognised by host or path), an Apprise-style URL
///   (`slack://T/B/X`, `discord://ID/TOKEN`, `tgram://TOKEN/CHAT`, `ntfy://HOST/TOPIC`,
///   `json://HOST/PATH`, …) or any http(s) URL for Herald's own JSON. `url_secret: NAME` reads the
///   URL from the secrets instead, so it need not sit in the config.
/// - `signing_secret` (webhook): a `whsec_…` Standard Webhooks secret, or `secret:NAME`; each POST
///   is then signed (`webhook-signature`, `X-Herald-Signature-256`).
/// - `retry`: the wait after the 1st, 2nd, … failed attempt, e.g. `[0s, 5s, 30s, 2m, 10m, 30m, 1h]`;
///   the last step repeats. Each wait is drawn at random between 0 and the step (full jitter) and
///   is never shorter than what the receiver asked for.
/// - `give_up_after`: how long after the first failure an alert becomes a dead letter (default 24h).
/// - `digest`: gather alerts for this long (e.g. `10m`) and send them as one message, to stay
///   inside chat rate limits; the window starts with the oldest waiting alert (default: off).
public struct SinkConfig: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case stdout(format: OutputFormat)
        case file(path: String)
        case webhook(url: URL, timeout: Duration)
    }

    public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
        case text, json
    }

    public var name: String
    public var kind: Kind
    /// The webhook's target as written (possibly an Apprise-style URL); nil: `kind`'s URL, as JSON.
    public var target: String?
    /// Standard Webhooks signing secret (`whsec_…`), already resolved from the secrets.
    public var signingSecret: String?
    public var retry: RetrySchedule
    /// Every secret value this sink uses, so logs, errors and status output can mask them.
    public var secrets: [String]
    /// Digest window: nil sends each alert on its own.
    public var digest: Duration?
    /// The Mustache template for the message text (`template`, or the contents of `template_file`).
    public var template: String?
    /// The file the template was read from, resolved against the config's folder, for error messages.
    public var templateFile: String?

    public init(
        name: String, kind: Kind, target: String? = nil, signingSecret: String? = nil,
        retry: RetrySchedule = RetrySchedule(), secrets: [String] = [], digest: Duration? = nil,
        template: String? = nil, templateFile: String? = nil
    ) {
        self.digest = digest
        self.template = template
        self.templateFile = templateFile
        self.name = name
        self.kind = kind
        self.target = target
        self.signingSecret = signingSecret
        self.retry = retry
        self.secrets = secrets
    }
}

/// When a failed delivery is tried again, and when Herald gives up on it.
public struct RetrySchedule: Sendable, Hashable {
    /// The cap of the wait after the n-th failure (0-based); the last step repeats.
    public var steps: [Duration]
    /// Time from the first failure after which the alert becomes a dead letter.
    public var giveUpAfter: Duration

    public static let defaultSteps: [Duration] = [0, 5, 30, 120, 600, 1800, 3600].map { .seconds($0) }

    public init(steps: [Duration] = defaultSteps, giveUpAfter: Duration = .seconds(24 * 3600)) {
        self.steps = steps.isEmpty ? Self.defaultSteps : steps
        self.giveUpAfter = giveUpAfter
    }

    /// The cap of the wait after `failures` failed attempts (1 = after the first failure).
    public func step(afterFailures failures: Int) -> Duration {
        steps[min(max(failures - 1, 0), steps.count - 1)]
    }
}

/// Where the state file lives: `--state PATH`, else the config's `state`, else
/// `$STATE_DIRECTORY/herald.sqlite` (systemd's `StateDirectory=`), else `./state/herald.sqlite`.
public enum StatePath {
    public static func resolve(option: String?, config: HeraldConfig?, environment: [String: String]) -> String {
        if let option { return option }
        if let state = config?.state { return state }
        if let directory = environment["STATE_DIRECTORY"]?.split(separator: ":").first {
            return "\(directory)/herald.sqlite"
        }
        return "state/herald.sqlite"
    }
}
