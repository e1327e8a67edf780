import Foundation
import ServiceLifecycle
import Synchronization

/// When the scheduler last completed a pass of its loop.
final class Heartbeat: Sendable {
    private let last = Mutex(ContinuousClock.now)

    func beat() { last.withLock { $0 = .now } }

    var age: Duration { last.withLock { ContinuousClock.now - $0 } }
}

/// systemd's watchdog: `WATCHDOG=1` every half `WATCHDOG_USEC`, but only while Herald is healthy —
/// the scheduler has gone round its loop recently and SQLite answers. A stuck scheduler or a
/// wedged state file stops the pings, and systemd restarts the service.
struct WatchdogService: Service {
    let herald: Herald
    let heartbeat: Heartbeat
    let notifier: SystemdNotifier
    let interval: Duration
    /// How long the scheduler may go without a pass before Herald counts as unhealthy: its longest
    /// sleep, plus time for a slow poll.
    let maxSilence: Duration

    /// The watchdog interval systemd asks for, if it asks (and asks this process).
    static func interval(environment: [String: String]) -> Duration? {
        guard let raw = environment["WATCHDOG_USEC"], let usec = UInt64(raw), usec > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], pid != "\(getpid())" { return nil }
        return .microseconds(usec / 2)
    }

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            if heartbeat.age < maxSilence, await herald.store.ping() {
                notifier.notify("WATCHDOG=1")
            } else {
                herald.logger.warning(
                    "unhealthy: withholding the systemd watchdog ping",
                    metadata: [
                        "scheduler.silence": "\(heartbeat.age)"
                    ])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
