import Foundation
import HeraldCore
import Logging
import ServiceLifecycle
import Synchronization

/// The daemon's delivery lanes: one pass per sink whenever that sink has alerts due, each pass a
/// child task of its own, so a webhook that hangs until its timeout holds up only its own lane —
/// stdout and the file sink go on at once.
///
/// The scheduler wakes it after every poll; it also wakes itself when a lane finishes and when
/// the next retry is due. On graceful shutdown it lets running passes finish, then makes one
/// last pass for every sink that has alerts due.
struct DeliveryService: Service {
    let herald: Herald
    let wakeup: Wakeup
    /// Upper bound on one sleep.
    var maxSleep: Duration = .seconds(60)

    func run() async throws {
        let running = RunningLanes()
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let now = Date()
                var next = now.addingTimeInterval(maxSleep.seconds)
                for sink in herald.current.sinks {
                    guard !running.names.withLock({ $0.contains(sink.name) }) else { continue }
                    let due: Date?
                    do {
                        // A killed process's lease would otherwise make the lane look busy until it ran out.
                        try await herald.store.releaseAbandonedLeases(
                            sink: sink.name, owner: herald.owner, now: now, isGone: Herald.ownerIsGone)
                        due = try await herald.store.nextDeliveryDue(sink: sink.name, owner: herald.owner)
                    } catch {
                        herald.logger.error("outbox unavailable: \(error)")
                        due = nil
                    }
                    guard let due else { continue }
                    guard due <= now else {
                        next = min(next, due)
                        continue
                    }
                    running.names.withLock { _ = $0.insert(sink.name) }
                    group.addTask {
                        _ = await herald.runLane(sink, now: Date.init)
                        running.names.withLock { _ = $0.remove(sink.name) }
                        wakeup.wake()
                    }
                }
                let pause = max(0.01, next.timeIntervalSince(now))
                await cancelWhenGracefulShutdown { await wakeup.wait(timeout: .milliseconds(Int(pause * 1000))) }
            }
        }
        if !Task.isCancelled {
            // Graceful shutdown: the lanes above have finished; flush what became due meanwhile.
            _ = await herald.deliver()
        }
    }
}

/// The sinks whose lane pass is running now.
final class RunningLanes: Sendable {
    let names = Mutex<Set<String>>([])
}
