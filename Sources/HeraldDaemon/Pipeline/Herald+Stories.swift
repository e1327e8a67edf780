import Foundation
import HeraldCore
import HeraldStore
import Synchronization

/// The process's story window: a `StoryClusterer` built from the config's aliases and rebuilt
/// from the state file's recent reports the first time it is needed (and after a reload changes
/// the aliases or the window).
///
/// Feeds are judged concurrently; the mutex makes every assignment see the ones before it, so
/// two outlets' reports of one story in the same poll still land in one story. Two processes on
/// one state file (the daemon and a one-shot `herald poll`) each keep a window; before assigning,
/// a window catches up with the reports and folds the other process recorded since it was built
/// (the state file's `story_change` log, read past the window's mark when the mark moved).
final class StoryDesk: Sendable {
    struct Window: Sendable {
        var aliases: AliasTable
        var window: Duration
        var clusterer: StoryClusterer
        /// The last story change of the state file this window has seen.
        var mark: Int64
    }

    private let state = Mutex<Window?>(nil)
    /// This window's name in the state file's change log: what it records itself it need not read back.
    let writer = "w" + String(UInt64.random(in: 0...UInt64.max), radix: 16)

    /// Stories for the new items of one fetch, in order (nil for items not new).
    func assign(
        _ items: [(item: StoryItem, isNew: Bool)], config: HeraldConfig, store: HeraldStore, now: Date
    ) async throws -> [StoryAssignment?] {
        // A fetch with nothing new (the common case) neither loads the window nor touches it.
        guard items.contains(where: \.isNew) else { return items.map { _ in nil } }
        let ready = state.withLock { window in
            window.map { $0.aliases == config.aliases && $0.window == config.storyWindow } ?? false
        }
        if !ready {
            var settings = StoryClusterer.Settings()
            settings.window = Double(config.storyWindow.components.seconds)
            var clusterer = StoryClusterer(concepts: StoryConcepts(aliases: config.aliases), settings: settings)
            let recorded = try await store.storyWindow(since: now.addingTimeInterval(-settings.window))
            for report in recorded.reports { clusterer.restore(report.item, storyID: report.storyID) }
            let built = Window(
                aliases: config.aliases, window: config.storyWindow, clusterer: clusterer, mark: recorded.mark)
            state.withLock { window in
                if window.map({ $0.aliases != config.aliases || $0.window != config.storyWindow }) ?? true {
                    window = built
                }
            }
        } else {
            try await catchUp(store: store)
        }
        return state.withLock { window in
            var found = items.map { entry in
                entry.isNew ? window?.clusterer.assign(entry.item) : nil
            }
            // A story folded into another later in the batch is that story now.
            if found.contains(where: { !($0?.merged.isEmpty ?? true) }), let clusterer = window?.clusterer {
                for index in found.indices {
                    if let id = found[index]?.storyID, let current = clusterer.currentStoryID(id) {
                        found[index]?.storyID = current
                    }
                }
            }
            return found
        }
    }

    /// Brings the window up to what other processes recorded since its mark: their reports join
    /// their stories as recorded, their folds are done again. Costs one look-up when nothing moved.
    func catchUp(store: HeraldStore) async throws {
        guard let seen = state.withLock({ $0?.mark }), try await store.storyChangeMark() > seen else { return }
        let found = try await store.storyChanges(after: seen, notBy: writer)
        state.withLock { window in
            // Another assignment caught up meanwhile (or the window was rebuilt): nothing to do.
            guard window?.mark == seen else { return }
            for change in found.changes {
                switch change {
                case .joined(let report): window?.clusterer.restore(report.item, storyID: report.storyID)
                case .folded(let folded, let survivor): window?.clusterer.fold(folded, into: survivor)
                }
            }
            window?.mark = found.mark
        }
    }
}

extension StoryReport {
    /// The report as the story window sees it.
    var item: StoryItem {
        StoryItem(key: itemKey, title: title, body: body, link: link, time: at)
    }
}

extension Herald {
    /// How much of an item's text is kept to rebuild the story window after a restart.
    static let storyBodyLimit = 1200

    /// What the story window sees of each item of a judged fetch; `isNew` marks the items that
    /// join stories (new items a rule matched).
    func storyEntries(_ pending: PendingIngest) -> [(item: StoryItem, isNew: Bool)] {
        let now = pending.context.now
        return pending.parsed.items.indices.map { index in
            let item = pending.parsed.items[index]
            guard pending.clustered[index] else {
                return (StoryItem(key: pending.keys[index].primary, title: "", body: "", time: now), false)
            }
            let time = min(item.published ?? item.updated ?? now, now)
            let body = String(item.bodyText.prefix(Self.storyBodyLimit))
            let key = pending.keys[index].primary
            // The aliases the rules matched it by (`@syria`): what selected it, not which story it tells.
            let ruleConcepts = Set(
                pending.alerts[index].flatMap { $0.alert.matchedTerms }.filter { $0.hasPrefix("@") }.map {
                    String($0.dropFirst())
                })
            return (
                StoryItem(
                    key: key, title: item.title, body: body, link: item.link, time: time, ruleConcepts: ruleConcepts),
                true
            )
        }
    }

    /// The story stamps of a judged fetch's items, from their assignments.
    func storyStamps(_ pending: PendingIngest, assignments: [StoryAssignment?]) -> [StoryStamp?] {
        guard assignments.contains(where: { $0 != nil }) else { return assignments.map { _ in nil } }
        let entries = storyEntries(pending)
        let policies = Dictionary(
            pending.context.runtime.config.rules.map { ($0.name, $0.story) }, uniquingKeysWith: { first, _ in first })
        return assignments.enumerated().map { index, assignment in
            assignment.map {
                StoryStamp(
                    storyID: $0.storyID, language: $0.language, reason: $0.reason.rawValue,
                    score: $0.score, source: pending.context.source, body: entries[index].item.body,
                    at: entries[index].item.time, policies: policies, writer: stories.writer)
            }
        }
    }

    /// Groups the new matched items of several fetches into stories in one order — report time,
    /// then feed, then item — whatever order the fetches finished in, then records each fetch, the
    /// one with the earliest report first. A story's first alert thus goes to its earliest report
    /// of the poll, and the same feeds give the same stories on every run. Delivery starts after the
    /// poll in any case, so waiting for the poll's last fetch costs the first alert nothing.
    func recordStories(_ waiting: [PendingIngest]) async -> [FeedPollResult] {
        guard let runtime = waiting.first?.context.runtime, let now = waiting.map(\.context.now).max() else {
            return []
        }
        let entries = waiting.map(storyEntries)
        var order: [(fetch: Int, index: Int)] = []
        for (fetch, list) in entries.enumerated() {
            for (index, entry) in list.enumerated() where entry.isNew { order.append((fetch, index)) }
        }
        order.sort { a, b in
            let left = entries[a.fetch][a.index].item
            let right = entries[b.fetch][b.index].item
            if left.time != right.time { return left.time < right.time }
            let leftFeed = waiting[a.fetch].context.feed.name
            let rightFeed = waiting[b.fetch].context.feed.name
            if leftFeed != rightFeed { return leftFeed < rightFeed }
            return left.key < right.key
        }
        var assignments = entries.map { list in [StoryAssignment?](repeating: nil, count: list.count) }
        var failure: (any Error)?
        do {
            let found = try await stories.assign(
                order.map { (entries[$0.fetch][$0.index].item, true) }, config: runtime.config, store: store, now: now)
            for (position, slot) in order.enumerated() { assignments[slot.fetch][slot.index] = found[position] }
            // Stories a report tied together are one story in the state file too, before any of the
            // poll's reports is recorded.
            try await store.foldStories(
                found.compactMap { $0 }.filter { !$0.merged.isEmpty }.map { ($0.storyID, $0.merged) },
                writer: stories.writer, at: now)
        } catch {
            failure = error
        }
        var firstReport: [Int: Int] = [:]
        for (position, slot) in order.enumerated() where firstReport[slot.fetch] == nil {
            firstReport[slot.fetch] = position
        }
        // Recorded in the order of their first report, so each story's first alert is queued
        // before its follow-ups, and in one transaction: one commit for them all.
        let fetches = waiting.indices.sorted { firstReport[$0, default: 0] < firstReport[$1, default: 0] }
        let outcomes: [Result<IngestResult, any Error>]
        do {
            if let failure { throw failure }
            outcomes = try await store.record(
                fetches.map { fetchRecord(waiting[$0], assignments: assignments[$0]) }
            ).map { $0.mapError { $0 } }
        } catch {
            outcomes = fetches.map { _ in .failure(error) }
        }
        return zip(fetches, outcomes).map { fetch, outcome in
            let pending = waiting[fetch]
            var result = FeedPollResult(feed: pending.context.feed.name)
            var log = logger
            log[metadataKey: "feed"] = "\(pending.context.feed.name)"
            switch outcome {
            case .success(let ingest):
                recorded(ingest, of: pending, into: &result, log: log)
            case .failure(let error):
                result.failure = "\(error)"
                metrics.polled(.failed, error: .store)
                log.error("cannot record the poll: \(error)")
            }
            return result
        }
    }
}
