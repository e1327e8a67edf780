import Foundation
import HeraldCore
import HeraldHTTP
import HeraldStore
import Logging
import Synchronization

/// The whole pipeline — fetch, parse, judge, record, deliver — built once from a config and used
/// by `herald poll`, `herald run` and the tests alike.
///
/// The store and HTTP client live as long as the process; the config, compiled rules and sinks are
/// a `Runtime` that a reload swaps in one step.
public final class Herald: Sendable {
    public let store: HeraldStore
    public let logger: Logger
    let client: HTTPClient
    let fetcher: any FeedFetching
    let runtime: Mutex<Runtime>
    /// Counters for the status endpoint's `/metrics`.
    public let metrics = HeraldMetrics()
    /// The story window new items are grouped in.
    let stories = StoryDesk()
    /// Identifies this process's outbox leases.
    let owner = "herald-\(getpid())-\(UUID().uuidString.prefix(8))"

    init(store: HeraldStore, client: HTTPClient, fetcher: any FeedFetching, runtime: Runtime, logger: Logger) {
        self.store = store
        self.client = client
        self.fetcher = fetcher
        self.runtime = Mutex(runtime)
        self.logger = logger
    }

    public var config: HeraldConfig { runtime.withLock { $0.config } }
    var current: Runtime { runtime.withLock { $0 } }

    /// Swaps in a new config (already loaded and checked). Feed state and pending deliveries are
    /// in the store, so nothing is lost.
    public func apply(_ config: HeraldConfig) throws {
        let next = try Runtime(config: config, client: client)
        runtime.withLock { $0 = next }
    }

    /// Finishes in-flight transfers' bookkeeping and stops the curl thread.
    public func shutdown() async {
        try? await store.releaseLeases(owner: owner)
        await client.shutdown()
    }
}

/// Everything derived from one config: compiled rules and live sinks.
struct Runtime: Sendable {
    let config: HeraldConfig
    let rules: [CompiledRule]
    /// The presearch index over `rules`, in the same order.
    let ruleIndex: RuleIndex
    let sinks: [any AlertSink]
    /// Each sink's retry schedule, by name.
    let retry: [String: RetrySchedule]
    /// Digest windows of the sinks that gather alerts, by name.
    let digests: [String: Duration]

    var allSinkNames: [String] { config.sinks.map(\.name) }

    init(config: HeraldConfig, client: HTTPClient) throws {
        self.config = config
        rules = try config.rules.enumerated().map { position, rule in
            do throws(RuleSyntaxError) {
                let query = try RuleQuery(parsing: rule.query, aliases: config.aliases)
                return CompiledRule(config: rule, query: query, position: position)
            } catch {
                throw ConfigError([
                    ConfigProblem(
                        file: rule.file ?? config.file, path: "rules.\(rule.name).query", line: nil, message: "\(error)"
                    )
                ])
            }
        }
        ruleIndex = RuleIndex(rules.map { (name: $0.config.name, query: $0.query) })
        sinks = try config.sinks.map { try SinkFactory.make($0, file: config.file, client: client) }
        retry = Dictionary(config.sinks.map { ($0.name, $0.retry) }, uniquingKeysWith: { first, _ in first })
        digests = Dictionary(
            config.sinks.compactMap { sink in sink.digest.map { (sink.name, $0) } },
            uniquingKeysWith: { first, _ in first })
    }
}

/// A rule with its query parsed once.
struct CompiledRule: Sendable {
    let config: RuleConfig
    let query: RuleQuery
    /// Its index in `Runtime.rules` and `Runtime.ruleIndex`.
    let position: Int
}

/// Options for building a `Herald`.
public struct HeraldOptions: Sendable {
    /// `--state`: overrides the config's state path.
    public var statePath: String?
    public var environment: [String: String]
    /// The HTTP client's identity and address policy; its transfer limits come from the config's `http:`.
    public var http: HTTPClient.Configuration
    /// `herald run --listen`: where the status endpoint listens; nil: no endpoint.
    public var listen: ListenAddress?

    public init(
        statePath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        http: HTTPClient.Configuration = .init(), listen: ListenAddress? = nil
    ) {
        self.statePath = statePath
        self.environment = environment
        self.http = http
        self.listen = listen
    }
}

/// Opens the state file the config (or `--state`) names, without starting anything else: for the
/// commands that only read or maintain state.
public func openStore(config: HeraldConfig, options: HeraldOptions = .init()) throws -> HeraldStore {
    try HeraldStore(
        path: StatePath.resolve(option: options.statePath, config: config, environment: options.environment))
}

/// Builds the pipeline from a checked config: opens the state file, starts the HTTP client,
/// compiles the rules, creates the sinks.
public func buildHerald(config: HeraldConfig, options: HeraldOptions = .init(), logger: Logger) throws -> Herald {
    let statePath = StatePath.resolve(option: options.statePath, config: config, environment: options.environment)
    let store = try HeraldStore(path: statePath)
    var http = options.http
    // The config's `http:` limits; the client lives as long as the process, so a reload keeps them.
    http.maxConcurrentTransfers = max(1, config.http.maxTransfers)
    http.maxTransfersPerHost = max(1, config.http.perHost)
    let client = HTTPClient(configuration: http)
    let runtime = try Runtime(config: config, client: client)
    return Herald(store: store, client: client, fetcher: FeedFetcher(client: client), runtime: runtime, logger: logger)
}
