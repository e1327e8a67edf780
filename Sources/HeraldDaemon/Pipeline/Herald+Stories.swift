import Foundation
import HeraldCore
import HeraldStore
import Synchronization

/// The process's story window: a `StoryClusterer` built from the config's aliases and rebuilt
/// from the state file's recent reports the first time it is needed (and after a reload changes
/// the aliases or the window).
///
/// Feeds are judged concurrently; the mutex makes every assignment see the ones before it, so
/// two outlets' reports of one story in the same poll still land in one story. Two processes
/// each keep their own window: a one-shot poll next to the daemon sees what the daemon
/// recorded before it started.
final class StoryDesk: Sendable {
    struct Window: Sendable {
        var aliases: AliasTable
        var window: Duration
        var clusterer: StoryClusterer
    }

    private let state = Mutex<Window?>(nil)

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
            for report in try await store.storyReports(since: now.addingTimeInterval(-settings.window)) {
                clusterer.restore(
                    StoryItem(
                        key: report.itemKey, title: report.title, body: report.body, link: report.link,
                        time: report.at),
                    storyID: report.storyID)
            }
            let built = Window(aliases: config.aliases, window: config.storyWindow, clusterer: clusterer)
            state.withLock { window in
                if window.map({ $0.aliases != config.aliases || $0.window != config.storyWindow }) ?? true {
                    window = built
                }
            }
        }
        return state.withLock { window in
            items.map { entry in
                guard entry.isNew else { return nil }
                return window?.clusterer.assign(entry.item)
            }
        }
    }
}

extension Herald {
    /// How much of an item's text is kept to rebuild the story window after a restart.
    static let storyBodyLimit = 1200

    /// The story stamps of the items of one fetch that `clustered` marks (new items a rule matched).
    func storyStamps(
        _ items: [Item], keys: [ItemKeys], clustered: [Bool], context: JudgeContext
    ) async throws -> [StoryStamp?] {
        guard clustered.contains(true) else { return items.map { _ in nil } }
        let config = context.runtime.config
        let entries = items.indices.map { index in
            let item = items[index]
            let time = min(item.published ?? item.updated ?? context.now, context.now)
            let body = String(item.bodyText.prefix(Self.storyBodyLimit))
            return (
                item: StoryItem(key: keys[index].primary, title: item.title, body: body, link: item.link, time: time),
                isNew: clustered[index]
            )
        }
        let assignments = try await stories.assign(entries, config: config, store: store, now: context.now)
        let policies = Dictionary(config.rules.map { ($0.name, $0.story) }, uniquingKeysWith: { first, _ in first })
        return assignments.enumerated().map { index, assignment in
            assignment.map {
                StoryStamp(
                    storyID: $0.storyID, language: $0.language, reason: $0.reason.rawValue,
                    score: $0.score, source: context.source, body: entries[index].item.body,
                    at: entries[index].item.time, policies: policies)
            }
        }
    }
}
