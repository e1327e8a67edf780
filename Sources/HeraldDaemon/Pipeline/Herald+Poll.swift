import Foundation
import HeraldCore
import HeraldStore
import Logging

/// What one pass over some feeds did.
public struct PollReport: Sendable {
    public var feedsPolled = 0
    public var failures: [(feed: String, message: String)] = []
    public var newItems = 0
    public var alerts: [Alert] = []

    public init() {}
}

/// Progress of a poll, for the one-line indicator in a terminal.
public struct PollProgress: Sendable {
    public var feedsDone: Int
    public var feedsTotal: Int
    public var newItems: Int
    public var alerts: Int
}

/// How a poll treats what it finds.
public struct PollOptions: Sendable {
    /// Record every item as seen and raise no alerts (`herald poll --catch-up`).
    public var catchUp: Bool

    public init(catchUp: Bool = false) {
        self.catchUp = catchUp
    }
}

extension Herald {
    /// Polls the given feeds (all of them when nil) once, concurrently within the HTTP client's
    /// limits, and records what was new. Never throws for a feed's trouble: it is in the report.
    public func poll(
        feeds names: [String]? = nil, options: PollOptions = .init(), now: @escaping @Sendable () -> Date = Date.init,
        progress: (@Sendable (PollProgress) -> Void)? = nil
    ) async -> PollReport {
        let runtime = current
        let feeds = runtime.config.feeds.filter { names?.contains($0.name) ?? true }
        var report = PollReport()
        progress?(PollProgress(feedsDone: 0, feedsTotal: feeds.count, newItems: 0, alerts: 0))
        // A sliding window of feeds in progress: enough to keep every transfer slot busy while as
        // many fetched feeds wait for a core to parse and record them, few enough that memory holds
        // a few feeds' items, not the whole poll's. Each feed in it holds its parsed items until its
        // write commits; at 4 × max_transfers a cold poll's peak RSS was ~14 MB higher for no gain.
        let window = max(32, 2 * runtime.config.http.maxTransfers)
        // Fetches whose new matched items wait for their stories: grouped after the fetches, in one
        // order (`recordStories`), so the stories do not depend on which feed finished first.
        var waiting: [PendingIngest] = []
        // 304s, recorded a window's worth at a time: one transaction for many unchanged feeds.
        var unchanged: [NotModifiedRecord] = []
        func recordUnchanged() async {
            guard !unchanged.isEmpty else { return }
            do {
                try await store.recordNotModified(unchanged)
            } catch {
                for record in unchanged {
                    report.failures.append((record.feed, "\(error)"))
                    metrics.polled(.failed, error: .store)
                }
                logger.error("cannot record the poll: \(error)", metadata: ["feeds": "\(unchanged.count)"])
            }
            unchanged = []
        }
        // Every feed's state in one read, not one read per feed (nil: each feed reads its own).
        let states = try? await store.feedStates()
        func add(_ result: FeedPollResult) {
            report.newItems += result.newItems
            report.alerts += result.alerts
            if let failure = result.failure { report.failures.append((result.feed, failure)) }
        }
        await withTaskGroup(of: FeedPollResult.self) { group in
            var pending = feeds[...]
            func startNext() {
                guard let feed = pending.popFirst() else { return }
                group.addTask {
                    await self.pollFeed(feed, runtime: runtime, options: options, now: now, states: states)
                }
            }
            for _ in 0..<window { startNext() }
            for await result in group {
                startNext()
                report.feedsPolled += 1
                add(result)
                if let waits = result.pending { waiting.append(waits) }
                if let record = result.notModified { unchanged.append(record) }
                if unchanged.count >= window { await recordUnchanged() }
                // Each waiting fetch holds its parsed feed: past a window's worth, group them now.
                if waiting.count >= window {
                    for result in await recordStories(waiting) { add(result) }
                    waiting = []
                }
                progress?(
                    PollProgress(
                        feedsDone: report.feedsPolled, feedsTotal: feeds.count, newItems: report.newItems,
                        alerts: report.alerts.count))
            }
        }
        await recordUnchanged()
        if !waiting.isEmpty {
            for result in await recordStories(waiting) { add(result) }
            progress?(
                PollProgress(
                    feedsDone: report.feedsPolled, feedsTotal: feeds.count, newItems: report.newItems,
                    alerts: report.alerts.count))
        }
        if !options.catchUp {
            do {
                report.alerts += try await store.flushStoryUpdates(at: now())
            } catch {
                logger.error("cannot send story updates: \(error)")
            }
        }
        return report
    }

    struct FeedPollResult: Sendable {
        var feed: String
        var newItems = 0
        var alerts: [Alert] = []
        var failure: String?
        /// A fetch judged but not recorded: its new matched items wait for their stories.
        var pending: PendingIngest?
        /// A 304 not recorded yet: the poll records them in batches.
        var notModified: NotModifiedRecord?
    }

    /// One feed: fetch, parse, judge the new items, and record what the poll does not record for
    /// it. A fetch with new items to group into stories is returned unrecorded, in `pending`, for
    /// `recordStories`; a 304 in `notModified`, for the poll to record with others. `states` are
    /// the feed states the poll read (nil when that read failed: the feed's own is read here).
    func pollFeed(
        _ feed: FeedConfig, runtime: Runtime, options: PollOptions, now: @Sendable () -> Date,
        states: [String: FeedState]?
    ) async -> FeedPollResult {
        var result = FeedPollResult(feed: feed.name)
        var log = logger
        log[metadataKey: "feed"] = "\(feed.name)"
        let configuredURL = feed.url.absoluteString
        do {
            // Validators and a learnt new address belong to the URL they were learnt for.
            let stored: FeedState?
            if let states { stored = states[feed.name] } else { stored = try await store.feedState(feed.name) }
            let state = stored.flatMap { $0.url == configuredURL ? $0 : nil }
            let target = state?.movedTo.flatMap(URL.init(string:)) ?? feed.url
            let request = FeedFetchRequest(
                url: target, allowFile: feed.allowFile, allowPrivateNetwork: feed.allowPrivateNetwork,
                etag: state?.etag, lastModified: state?.lastModified, timeout: feed.timeout,
                maxBodyBytes: feed.maxBodyBytes)
            let started = now()
            let recovered = Notices.recovered(feed, state: state, at: started, sinks: runtime.allSinkNames)
            switch await fetcher.fetch(request) {
            case .notModified(let freshFor):
                let nextDue = Schedule.nextDue(
                    feed, after: started, freshFor: freshFor, publishingGap: state?.publishingGap)
                result.notModified = NotModifiedRecord(
                    feed: feed.name, url: configuredURL, at: started, nextDue: nextDue, recoveredNotice: recovered)
                metrics.polled(.notModified, alerts: recovered == nil ? 0 : 1)
                log.debug("not modified", metadata: ["next_due": "\(nextDue)"])
            case .failed(let failure):
                let failed = ClassifiedFailure(failure)
                result.failure = failed.recorded
                metrics.polled(.failed, error: failure.status == nil ? .transport : .http)
                try await recordFailure(feed, failed, state: state, runtime: runtime, at: started)
                log.warning(
                    "fetch failed: \(failure.message)",
                    metadata: [
                        "http.status": "\(failure.status.map(String.init) ?? "-")",
                        "fetch.error": "\(failure.kind.rawValue)",
                        "fetch.class": "\(failed.className)",
                    ])
            case .fetched(var document):
                let bodyBytes = document.body.count
                let parsed: ParsedFeed
                do throws(FeedParseError) {
                    parsed = try FeedParser.parse(
                        document.body, contentType: document.contentType, url: document.finalURL)
                } catch {
                    let failure = FeedFetchFailure(
                        kind: .parse, status: 200, message: "cannot read \(target.absoluteString) as a feed: \(error)")
                    let failed = ClassifiedFailure(failure)
                    result.failure = failed.recorded
                    metrics.polled(.failed, error: .parse, bytes: bodyBytes)
                    try await recordFailure(feed, failed, state: state, runtime: runtime, at: started)
                    log.warning(
                        "\(failure.message)", metadata: ["fetch.error": "parse", "fetch.class": "\(failed.className)"])
                    return result
                }
                // The body is not needed past the parse; without this it would stay allocated while
                // the feed waits for its turn to commit, once per feed in the poll window.
                document.body = Data()
                let context = JudgeContext(
                    feed: feed, runtime: runtime, source: parsed.title.isEmpty ? nil : parsed.title,
                    firstPoll: state?.lastSuccessAt == nil, catchUp: options.catchUp, now: started,
                    publishingGap: state?.publishingGap)
                let judged = try await judgeFetch(
                    parsed, document: document, bodyBytes: bodyBytes, context: context, recovered: recovered)
                if judged.clustered.contains(true) {
                    result.pending = judged
                    return result
                }
                // Nothing of this fetch joins a story.
                let ingest = try await record(
                    judged, assignments: Array(repeating: nil, count: judged.parsed.items.count))
                recorded(ingest, of: judged, into: &result, log: log)
            }
        } catch {
            result.failure = "\(error)"
            metrics.polled(.failed, error: .store)
            log.error("cannot record the poll: \(error)")
        }
        return result
    }

    private func recordFailure(
        _ feed: FeedConfig, _ failed: ClassifiedFailure, state: FeedState?, runtime: Runtime, at now: Date
    ) async throws {
        let failures = (state?.consecutiveFailures ?? 0) + 1
        let nextDue = Schedule.nextDueAfterFailure(
            feed, failures: failures, transient: failed.failure.isTransient, retryAfter: failed.failure.retryAfter,
            after: now)
        try await store.recordFailure(
            FailureRecord(
                feed: feed.name, url: feed.url.absoluteString, status: failed.failure.status, error: failed.recorded,
                at: now, nextDue: nextDue, unhealthyAfter: feed.unhealthyAfter,
                unhealthyNotice: Notices.unhealthy(
                    feed, failures: feed.unhealthyAfter, error: failed.recorded, at: now,
                    sinks: runtime.allSinkNames)))
    }

    /// What judging one fetch's items depends on.
    struct JudgeContext {
        var feed: FeedConfig
        var runtime: Runtime
        var source: String?
        /// The feed's first successful poll: only items inside `firstPollWindow` may alert.
        var firstPoll: Bool
        var catchUp: Bool
        var now: Date
        /// The feed's publishing gap as last recorded, used when this fetch's items carry no dates.
        var publishingGap: Duration?
    }

    /// A fetch judged but not yet recorded: what `record(_:assignments:)` needs once the stories
    /// of its new matched items are known.
    struct PendingIngest: Sendable {
        var parsed: ParsedFeed
        /// The fetch, without its body (dropped once parsed).
        var document: FetchedDocument
        /// The body's size, for the metrics.
        var bodyBytes: Int
        var context: JudgeContext
        var recovered: RoutedAlert?
        var keys: [ItemKeys]
        var statuses: [ItemStatus]
        /// Items seen before with every key stored: left out of the record.
        var settled: [Bool]
        var alerts: [[RoutedAlert]]
        /// The items that join stories: new ones a rule matched.
        var clustered: [Bool]
    }

    /// Judges the items not seen before (and edits, for rules that ask) against the rules that
    /// watch this feed.
    func judgeFetch(
        _ parsed: ParsedFeed, document: FetchedDocument, bodyBytes: Int, context: JudgeContext,
        recovered: RoutedAlert?
    ) async throws -> PendingIngest {
        let feed = context.feed
        let keys = parsed.items.map { ItemIdentity.keys(feed: feed.name, item: $0, policy: feed.identity) }
        let lookups = try await lookUp(parsed.items, keys: keys, context: context)
        let statuses = lookups.map(\.status)
        let rules = context.runtime.rules.filter { $0.config.watches(feed) }
        let alerts = parsed.items.indices.map { index -> [RoutedAlert] in
            let status = statuses[index]
            guard status == .new || status == .edited else { return [] }
            return judge(parsed.items[index], keys: keys[index], status: status, rules: rules, context: context)
        }
        // Only reports a rule matched join stories: stories exist to group alerts, and clustering
        // every item of every feed would cost a cold poll most of its time and memory.
        let clustered = statuses.indices.map { statuses[$0] == .new && !alerts[$0].isEmpty }
        // From here on only the stories need an item's text, and only a clustered item's. A fetch
        // waits for its write (and perhaps for its stories) holding its items: without their text
        // a window of waiting fetches holds a few kilobytes each instead of their whole feeds.
        var kept = parsed
        for index in kept.items.indices where !clustered[index] { kept.items[index].dropText() }
        return PendingIngest(
            parsed: kept, document: document, bodyBytes: bodyBytes, context: context, recovered: recovered,
            keys: keys, statuses: statuses, settled: lookups.map(\.settled), alerts: alerts, clustered: clustered)
    }

    /// What the state file knows of the items, read before judging them. On a feed's first poll
    /// only the items inside `first_poll_window` may alert, so only theirs are looked up; the others
    /// are taken as new, and the write classifies every item again in its transaction anyway. A
    /// cold poll of a thousand feeds then reads the keys of the last day's items, not of all.
    func lookUp(_ items: [Item], keys: [ItemKeys], context: JudgeContext) async throws -> [ItemLookup] {
        guard context.firstPoll, !context.catchUp, context.feed.firstPollWindow != nil else {
            return try await store.lookUp(keys, feed: context.feed.name)
        }
        let wanted = items.indices.filter { mayAlertOnFirstPoll(items[$0], context: context) }
        var lookups = Array(repeating: ItemLookup(status: .new), count: items.count)
        guard !wanted.isEmpty else { return lookups }
        let found = try await store.lookUp(wanted.map { keys[$0] }, feed: context.feed.name)
        for (index, lookup) in zip(wanted, found) { lookups[index] = lookup }
        return lookups
    }

    /// Whether a new item may alert on its feed's first poll: only what is fresh may, and an
    /// undated item cannot show it is.
    func mayAlertOnFirstPoll(_ item: Item, context: JudgeContext) -> Bool {
        guard let window = context.feed.firstPollWindow else { return true }
        guard let date = item.published ?? item.updated else { return false }
        return date >= context.now.addingTimeInterval(-window.seconds)
    }

    /// Records a judged fetch — items, alerts (as their stories ask) and outbox rows — in one
    /// transaction. `assignments` are the stories of its items, in order (nil for the others).
    func record(_ pending: PendingIngest, assignments: [StoryAssignment?]) async throws -> IngestResult {
        try await store.record(fetchRecord(pending, assignments: assignments))
    }

    /// What `record` writes for a judged fetch.
    func fetchRecord(_ pending: PendingIngest, assignments: [StoryAssignment?]) -> FetchRecord {
        let feed = pending.context.feed
        let parsed = pending.parsed
        let stories = storyStamps(pending, assignments: assignments)
        let judged = parsed.items.indices.compactMap { index -> JudgedItem? in
            if pending.settled[index] { return nil }
            let status = pending.statuses[index]
            guard status == .new || status == .edited else {
                return JudgedItem(item: parsed.items[index], keys: pending.keys[index], status: status)
            }
            return JudgedItem(
                item: parsed.items[index], keys: pending.keys[index], status: status, alerts: pending.alerts[index],
                story: stories[index])
        }
        let rekeyed = pending.statuses.filter { $0 == .knownContent }.count
        if rekeyed >= 3 && rekeyed * 2 >= parsed.items.count {
            logger.notice(
                "guid churn: items came back with new ids or links but known text; recorded without alerts",
                metadata: ["feed": "\(feed.name)", "items": "\(rekeyed)"])
        }
        let document = pending.document
        let publishingGap = AdaptiveInterval.publishingGap(
            parsed.items.lazy.compactMap { $0.published ?? $0.updated }, now: pending.context.now)
        let nextDue = Schedule.nextDue(
            feed, after: pending.context.now, freshFor: document.freshFor, ttl: parsed.ttl,
            publishingGap: publishingGap ?? pending.context.publishingGap)
        return FetchRecord(
            feed: feed.name, url: feed.url.absoluteString, etag: document.etag,
            lastModified: document.lastModified, permanentRedirect: document.permanentRedirect?.absoluteString,
            at: pending.context.now, nextDue: nextDue, items: judged,
            recoveredNotice: pending.recovered, publishingGap: publishingGap)
    }

    /// Counts and logs a recorded fetch.
    func recorded(_ ingest: IngestResult, of pending: PendingIngest, into result: inout FeedPollResult, log: Logger) {
        result.newItems = ingest.newItems
        result.alerts = ingest.alerts
        metrics.polled(
            .fetched, bytes: pending.bodyBytes, newItems: ingest.newItems, alerts: ingest.alerts.count)
        if let movedTo = ingest.movedTo {
            log.notice("feed moved permanently; polling the new address from now on", metadata: ["to": "\(movedTo)"])
        }
        log.debug(
            "fetched",
            metadata: [
                "items": "\(pending.parsed.items.count)", "new": "\(ingest.newItems)",
                "edited": "\(ingest.editedItems)", "alerts": "\(ingest.alerts.count)",
            ])
    }

    /// The alerts one new or edited item raises.
    func judge(
        _ item: Item, keys: ItemKeys, status: ItemStatus, rules: [CompiledRule], context: JudgeContext
    ) -> [RoutedAlert] {
        if context.catchUp { return [] }
        if status == .new, context.firstPoll, !mayAlertOnFirstPoll(item, context: context) { return [] }
        if rules.isEmpty { return [] }
        let document = MatchDocument(item: item, feed: context.feed, source: context.source)
        let candidates = Set(context.runtime.ruleIndex.candidates(for: document))
        return rules.compactMap { rule -> RoutedAlert? in
            if status == .edited && !rule.config.alertOnEdit { return nil }
            guard candidates.contains(rule.position), let match = rule.query.match(document) else { return nil }
            // An edit alerts under its own id (per version), so receivers do not drop it as a duplicate.
            let itemKey = status == .edited ? keys.primary + "\u{1F}" + keys.fingerprint : keys.primary
            let alert = Alert(
                id: Alert.id(rule: rule.config.name, itemKey: itemKey), kind: status == .edited ? .edit : .match,
                rule: rule.config.name, feed: context.feed.name, source: context.source,
                title: item.title.isEmpty ? "(untitled)" : item.title, link: item.link,
                published: item.published ?? item.updated, summary: Snippet.lead(item.bodyText, limit: 280),
                matchedTerms: match.matchedTerms, explanation: match, createdAt: context.now)
            return RoutedAlert(alert: alert, sinks: rule.config.sinks ?? context.runtime.allSinkNames)
        }
    }
}

/// A fetch failure with its class, as the state file, `herald status` and notices show it:
/// "transient: HTTP 503 from …" or "permanent: HTTP 404 from …".
struct ClassifiedFailure {
    var failure: FeedFetchFailure

    init(_ failure: FeedFetchFailure) {
        self.failure = failure
    }

    var className: String { failure.isTransient ? "transient" : "permanent" }
    var recorded: String { "\(className): \(failure.message)" }
}

/// The opening of a text, cut at a word boundary.
enum Snippet {
    /// The text with every whitespace run as one space, cut after at most `limit` characters at
    /// the last word boundary, with "…" when cut. Reads only as far as it needs.
    static func lead(_ text: String, limit: Int) -> String {
        var out = ""
        var count = 0
        var pendingSpace = false
        var truncated = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if count + (pendingSpace ? 2 : 1) > limit {
                truncated = true
                // The cut falls at a boundary when the next word has not begun.
                if pendingSpace { out.append(" ") }
                break
            }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(character)
            count += 1
        }
        guard truncated else { return out }
        let end = out.lastIndex(of: " ") ?? out.endIndex
        return String(out[..<end]) + "…"
    }
}
