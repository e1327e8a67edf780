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

extension Herald {
    /// Polls the given feeds (all of them when nil) once, concurrently within the HTTP client's
    /// limits, and records what was new. Never throws for a feed's trouble: it is in the report.
    public func poll(
        feeds names: [String]? = nil, now: @escaping @Sendable () -> Date = Date.init,
        progress: (@Sendable (PollProgress) -> Void)? = nil
    ) async -> PollReport {
        let runtime = current
        let feeds = runtime.config.feeds.filter { names?.contains($0.name) ?? true }
        var report = PollReport()
        progress?(PollProgress(feedsDone: 0, feedsTotal: feeds.count, newItems: 0, alerts: 0))
        await withTaskGroup(of: FeedPollResult.self) { group in
            for feed in feeds {
                group.addTask { await self.pollFeed(feed, runtime: runtime, now: now) }
            }
            for await result in group {
                report.feedsPolled += 1
                report.newItems += result.newItems
                report.alerts += result.alerts
                if let failure = result.failure { report.failures.append((result.feed, failure)) }
                progress?(
                    PollProgress(
                        feedsDone: report.feedsPolled, feedsTotal: feeds.count, newItems: report.newItems,
                        alerts: report.alerts.count))
            }
        }
        return report
    }

    struct FeedPollResult: Sendable {
        var feed: String
        var newItems = 0
        var alerts: [Alert] = []
        var failure: String?
    }

    /// One feed, start to finish: fetch, parse, judge the new items, record it all.
    func pollFeed(_ feed: FeedConfig, runtime: Runtime, now: @Sendable () -> Date) async -> FeedPollResult {
        var result = FeedPollResult(feed: feed.name)
        var log = logger
        log[metadataKey: "feed"] = "\(feed.name)"
        do {
            let state = try await store.feedState(feed.name)
            let request = FeedFetchRequest(
                url: feed.url, allowFile: feed.allowFile, etag: state?.etag, lastModified: state?.lastModified,
                timeout: feed.timeout, maxBodyBytes: feed.maxBodyBytes)
            let started = now()
            switch await fetcher.fetch(request) {
            case .notModified:
                try await store.recordNotModified(
                    feed: feed.name, at: started, nextDue: Schedule.nextDue(feed, after: started))
                log.debug("not modified")
            case .failed(let failure):
                result.failure = failure.message
                try await recordFailure(
                    feed, status: failure.status, message: failure.message, retryAfter: failure.retryAfter,
                    state: state, at: started)
                log.warning(
                    "fetch failed: \(failure.message)",
                    metadata: ["http.status": "\(failure.status.map(String.init) ?? "-")"])
            case .fetched(let document):
                let parsed: ParsedFeed
                do throws(FeedParseError) {
                    parsed = try FeedParser.parse(
                        document.body, contentType: document.contentType, url: document.finalURL)
                } catch {
                    let message = "cannot read \(feed.url.absoluteString) as a feed: \(error)"
                    result.failure = message
                    try await recordFailure(
                        feed, status: 200, message: message, retryAfter: nil, state: state, at: started)
                    log.warning("\(message)")
                    return result
                }
                let ingest = try await ingest(parsed, document: document, feed: feed, runtime: runtime, at: started)
                result.newItems = ingest.newItems
                result.alerts = ingest.alerts
                log.debug(
                    "fetched",
                    metadata: [
                        "items": "\(parsed.items.count)", "new": "\(ingest.newItems)",
                        "alerts": "\(ingest.alerts.count)",
                    ])
            }
        } catch {
            result.failure = "\(error)"
            log.error("cannot record the poll: \(error)")
        }
        return result
    }

    private func recordFailure(
        _ feed: FeedConfig, status: Int?, message: String, retryAfter: Duration?, state: FeedState?, at now: Date
    ) async throws {
        let failures = (state?.consecutiveFailures ?? 0) + 1
        let nextDue = Schedule.nextDueAfterFailure(feed, failures: failures, retryAfter: retryAfter, after: now)
        try await store.recordFailure(feed: feed.name, status: status, error: message, at: now, nextDue: nextDue)
    }

    /// Judges the items not seen before against the rules that watch this feed, then records the
    /// fetch, items, alerts and outbox rows in one transaction.
    func ingest(
        _ parsed: ParsedFeed, document: FetchedDocument, feed: FeedConfig, runtime: Runtime, at now: Date
    ) async throws -> IngestResult {
        let keyLists = parsed.items.map { ItemIdentity.keys(feed: feed.name, item: $0) }
        let fresh = try await store.unseen(keyLists)
        let rules = runtime.rules.filter { $0.config.watches(feed) }
        let allSinks = runtime.config.sinks.map(\.name)
        let source = parsed.title.isEmpty ? nil : parsed.title
        let judged = fresh.map { index -> JudgedItem in
            let item = parsed.items[index]
            let document = MatchDocument(title: item.title, text: item.bodyText)
            let alerts = rules.compactMap { rule -> RoutedAlert? in
                guard let match = rule.query.match(document) else { return nil }
                let alert = Alert(
                    id: Alert.id(rule: rule.config.name, itemKey: keyLists[index][0]), rule: rule.config.name,
                    feed: feed.name, source: source, title: item.title.isEmpty ? "(untitled)" : item.title,
                    link: item.link, published: item.published ?? item.updated,
                    summary: Snippet.lead(item.bodyText, limit: 280), matchedTerms: match.matchedTerms, createdAt: now)
                return RoutedAlert(alert: alert, sinks: rule.config.sinks ?? allSinks)
            }
            return JudgedItem(item: item, keys: keyLists[index], alerts: alerts)
        }
        return try await store.record(
            FetchRecord(
                feed: feed.name, etag: document.etag, lastModified: document.lastModified,
                movedTo: document.permanentRedirect?.absoluteString, at: now,
                nextDue: Schedule.nextDue(feed, after: now), items: judged))
    }
}

/// The opening of a text, cut at a word boundary.
enum Snippet {
    static func lead(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
