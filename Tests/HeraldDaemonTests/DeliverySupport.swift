import Foundation
import HeraldCore
import HeraldStore
import Logging
import Synchronization

@testable import HeraldDaemon

/// Log lines kept in memory, for tests that count or grep them.
final class LogRecorder: Sendable {
    let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "herald-test") { _ in RecordingHandler(recorder: self) }
    }

    var all: [String] { lines.withLock { $0 } }

    struct RecordingHandler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            recorder.lines.withLock { $0.append("\(event.level) \(event.message) \(fields)") }
        }
    }
}

/// Alerts about `count` new items of feed "wire", routed to `sinks`, recorded straight into the store.
func seedAlerts(
    _ count: Int, in store: HeraldStore, sinks: [String], first: Int = 1, title: String = "Talks resume in Paris",
    at now: Date = Date()
) async throws -> [Alert] {
    var alerts: [Alert] = []
    var judged: [JudgedItem] = []
    for index in first..<(first + count) {
        let item = Item(guid: "g\(index)", link: "https://wire.example.org/\(index)", title: "\(title) \(index)")
        let keys = ItemIdentity.keys(feed: "wire", item: item)
        let alert = Alert(
            id: Alert.id(rule: "talks", itemKey: keys.primary), rule: "talks", feed: "wire", title: item.title,
            link: item.link, createdAt: now)
        alerts.append(alert)
        judged.append(JudgedItem(item: item, keys: keys, alerts: [RoutedAlert(alert: alert, sinks: sinks)]))
    }
    _ = try await store.record(
        FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: now, nextDue: now, items: judged))
    return alerts
}

/// A Herald with the given sinks and no feeds or rules, on a fresh state file.
func deliveryHerald(_ sinks: [SinkConfig], workspace: Workspace, logger: Logger = testLogger) throws -> Herald {
    try buildHerald(
        config: HeraldConfig(file: workspace.path("herald.yaml"), feeds: [], rules: [], sinks: sinks),
        options: HeraldOptions(statePath: workspace.path("state.sqlite")), logger: logger)
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

extension SinkConfig {
    /// A webhook sink for `url` (any form Herald accepts).
    static func hook(
        _ name: String, _ url: String, timeout: Duration = .seconds(5), retry: RetrySchedule = RetrySchedule(),
        signingSecret: String? = nil
    ) -> SinkConfig {
        SinkConfig(
            name: name, kind: .webhook(url: URL(string: "http://placeholder.invalid/")!, timeout: timeout), target: url,
            signingSecret: signingSecret, retry: retry)
    }
}
