import Foundation
import HeraldCore
import Logging
import ServiceLifecycle

/// The daemon's heart: polls each feed when it is due, delivers the outbox, and sleeps until the
/// next feed or retry is due (or a reload wakes it). On graceful shutdown it lets the current
/// poll finish, flushes what can be delivered, and returns.
struct SchedulerService: Service {
    let herald: Herald
    let wakeup: Wakeup
    let notifier: SystemdNotifier
    let heartbeat: Heartbeat
    /// Wakes the delivery lanes (`DeliveryService`) after a poll recorded alerts.
    let deliveryWakeup: Wakeup
    /// Upper bound on one sleep, so a clock jump or a lost wake-up costs at most this much.
    var maxSleep: Duration = .seconds(60)

    func run() async throws {
        let logger = herald.logger
        notifier.notify("READY=1\nSTATUS=polling \(herald.config.feeds.count) feeds")
        logger.info(
            "herald is running", metadata: ["feeds": "\(herald.config.feeds.count)", "state": "\(herald.store.path)"])
        var lastPrune: Date?
        var lastStatus: ContinuousClock.Instant?
        while !Task.isShuttingDownGracefully {
            if lastPrune.map({ Date().timeIntervalSince($0) >= Self.pruneEvery }) ?? true {
                lastPrune = Date()
                await prune()
            }
            // Feeds due within the next moment go now too: jitter spreads due times out, and one
            // pass per feed would cost a full scan of the feed table per feed.
            let due = try await dueFeeds(now: Date().addingTimeInterval(Self.coalesce))
            if !due.isEmpty {
                let report = await herald.poll(feeds: due)
                logger.info(
                    "polled",
                    metadata: [
                        "feeds": "\(report.feedsPolled)", "failed": "\(report.failures.count)",
                        "new": "\(report.newItems)", "alerts": "\(report.alerts.count)",
                    ])
                // What the poll freed goes back to the system now, not at the next poll's peak.
                await herald.store.releaseMemory()
                ProcessMemory.trim()
            }
            deliveryWakeup.wake()
            // STATUS= only for a listening systemd, and at most every few seconds.
            if notifier.isActive, lastStatus.map({ $0.duration(to: .now) >= Self.statusEvery }) ?? true,
                let status = try? await StatusReport.build(config: herald.config, store: herald.store)
            {
                lastStatus = .now
                notifier.notify("STATUS=\(status.summaryLine)")
            }
            heartbeat.beat()
            if Task.isShuttingDownGracefully { break }
            let pause = try await timeUntilNextWork(now: Date())
            // Graceful shutdown cancels the sleep, and only the sleep: a poll in flight finishes.
            await cancelWhenGracefulShutdown { await wakeup.wait(timeout: pause) }
        }
        notifier.notify("STOPPING=1")
        logger.info("shutting down: delivering what is pending")
        deliveryWakeup.wake()
    }

    /// Feeds due this soon after a pass starts are polled in it.
    static let coalesce: TimeInterval = 2

    /// The least time between two `STATUS=` lines.
    static let statusEvery: Duration = .seconds(5)

    /// How often the daemon applies `retention`: at start and then daily.
    static let pruneEvery: TimeInterval = 86_400

    /// Drops history older than the config's `retention`; a failure is logged and retried tomorrow.
    func prune() async {
        let cutoff = Date().addingTimeInterval(-herald.config.retention.seconds)
        do {
            let report = try await herald.store.prune(before: cutoff)
            if report.itemsTrimmed + report.alertsRemoved + report.deliveriesRemoved > 0 {
                herald.logger.notice(
                    "retention: pruned history",
                    metadata: [
                        "before": "\(cutoff.formatted(.iso8601))", "items_trimmed": "\(report.itemsTrimmed)",
                        "alerts_removed": "\(report.alertsRemoved)",
                        "deliveries_removed": "\(report.deliveriesRemoved)",
                    ])
            }
        } catch {
            herald.logger.error("retention: cannot prune the state file: \(error)")
        }
    }

    /// Feeds whose due time has come (or that were never polled).
    func dueFeeds(now: Date) async throws -> [String] {
        let states = try await herald.store.feedStates()
        return herald.config.feeds.filter { feed in
            guard let due = states[feed.name]?.nextDueAt else { return true }
            return due <= now
        }.map(\.name)
    }

    func timeUntilNextWork(now: Date) async throws -> Duration {
        let states = try await herald.store.feedStates()
        var next = now.addingTimeInterval(maxSleep.seconds)
        for feed in herald.config.feeds {
            next = min(next, states[feed.name]?.nextDueAt ?? now)
        }
        if let delivery = try await herald.store.nextDeliveryDue() { next = min(next, delivery) }
        let seconds = max(0.05, next.timeIntervalSince(now))
        return .milliseconds(Int(seconds * 1000))
    }
}
