import Foundation
import HeraldCore
import HeraldStore
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// What one delivery pass did.
public struct DeliveryReport: Sendable {
    public var delivered = 0
    /// Alerts given up on in this pass (refused by the receiver, or failing for longer than
    /// `give_up_after`): they are dead letters now.
    public var deadLettered = 0
    /// Sinks switched off in this pass (the receiver said 401, 403, 404 or 410).
    public var disabled: [String] = []
    public var failures: [(sink: String, message: String)] = []

    public init() {}
}

extension Herald {
    /// Sends what waits in the outbox, one lane per sink: in order within a sink, sinks
    /// independent of one another (a dead webhook does not hold up stdout). A lane stops at its
    /// first failure that is retried; the alert stays in the outbox with its retry time.
    ///
    /// For one-shot use (`herald poll`): it returns when every lane has finished. The daemon runs
    /// lanes through `DeliveryService` instead, which never waits for one lane to start another.
    public func deliver(now: @escaping @Sendable () -> Date = Date.init) async -> DeliveryReport {
        let sinks = current.sinks
        var report = DeliveryReport()
        await withTaskGroup(of: DeliveryReport.self) { group in
            for sink in sinks {
                group.addTask { await self.runLane(sink, now: now) }
            }
            for await lane in group {
                report.delivered += lane.delivered
                report.deadLettered += lane.deadLettered
                report.disabled += lane.disabled
                report.failures += lane.failures
            }
        }
        return report
    }

    /// One pass of one sink's lane: claim due alerts in order and send them one at a time.
    func runLane(
        _ sink: any AlertSink, now: @Sendable () -> Date,
        random: @Sendable (ClosedRange<Double>) -> Double = { Double.random(in: $0) }
    ) async -> DeliveryReport {
        var report = DeliveryReport()
        var log = logger
        log[metadataKey: "sink"] = "\(sink.name)"
        let schedule = current.retry[sink.name] ?? RetrySchedule()
        // A lease left by a process that was killed would hold the lane for its whole term.
        _ = try? await store.releaseAbandonedLeases(sink: sink.name, owner: owner, now: now(), isGone: Self.ownerIsGone)
        if let window = current.digests[sink.name] {
            return await runDigestLane(sink, window: window, schedule: schedule, now: now, random: random, log: log)
        }
        do {
            while true {
                let batch = try await store.claim(sink: sink.name, owner: owner, now: now())
                if batch.isEmpty { break }
                for entry in batch {
                    // The lane is FIFO: a story's first alert has been through it before this.
                    let thread = try await store.storyThread(for: entry.alert, sink: sink.name)
                    do {
                        let remote = try await sink.deliver(entry.alert, thread: thread)
                        let deliveredAt = now()
                        try await store.markDelivered(entry, remote: remote, at: deliveredAt)
                        metrics.delivered(
                            sink: sink.name, latency: deliveredAt.timeIntervalSince(entry.alert.createdAt))
                        report.delivered += 1
                    } catch {
                        let failure =
                            error as? SinkError ?? SinkError(sink: sink.name, message: "\(error)", disposition: .retry)
                        let stop = try await handle(
                            failure, entry: entry, schedule: schedule, now: now(), random: random, log: log,
                            report: &report)
                        if stop { return report }
                    }
                }
            }
        } catch {
            report.failures.append((sink.name, "\(error)"))
            log.error("outbox unavailable: \(error)")
        }
        return report
    }

    /// One pass of a digest lane: once the oldest waiting alert is `window` old, everything due goes
    /// out as one message; before that the lane sleeps until the window closes.
    private func runDigestLane(
        _ sink: any AlertSink, window: Duration, schedule: RetrySchedule, now: @Sendable () -> Date,
        random: @Sendable (ClosedRange<Double>) -> Double, log: Logger
    ) async -> DeliveryReport {
        var report = DeliveryReport()
        do {
            let batch = try await store.claim(sink: sink.name, owner: owner, limit: 100, now: now())
            guard let head = batch.first else { return report }
            let closes = head.alert.createdAt.addingTimeInterval(window.seconds)
            // A digest that failed before retries on the retry schedule, not on the window.
            if head.attempts == 0, now() < closes {
                try await store.postpone(head, until: closes)
                return report
            }
            do {
                try await sink.deliverDigest(batch.map(\.alert))
                for entry in batch {
                    let deliveredAt = now()
                    try await store.markDelivered(entry, at: deliveredAt)
                    metrics.delivered(sink: sink.name, latency: deliveredAt.timeIntervalSince(entry.alert.createdAt))
                }
                report.delivered += batch.count
            } catch {
                let failure =
                    error as? SinkError ?? SinkError(sink: sink.name, message: "\(error)", disposition: .retry)
                _ = try await handle(
                    failure, entry: head, schedule: schedule, now: now(), random: random, log: log, report: &report)
                if failure.disposition == .deadLetter {
                    let record = DeliveryFailure(
                        message: failure.message, status: failure.status, excerpt: failure.excerpt)
                    for entry in batch.dropFirst() { try await store.markDead(entry, failure: record, at: now()) }
                    report.deadLettered += batch.count - 1
                }
            }
        } catch {
            report.failures.append((sink.name, "\(error)"))
            log.error("outbox unavailable: \(error)")
        }
        return report
    }

    /// Records a failed send. Returns true when the lane must stop (retry later, sink disabled).
    private func handle(
        _ failure: SinkError, entry: OutboxEntry, schedule: RetrySchedule, now: Date,
        random: @Sendable (ClosedRange<Double>) -> Double, log: Logger, report: inout DeliveryReport
    ) async throws(StoreError) -> Bool {
        let record = DeliveryFailure(message: failure.message, status: failure.status, excerpt: failure.excerpt)
        let alertID: Logger.Metadata = ["alert.id": "\(entry.alert.id)"]
        metrics.deliveryFailed(sink: entry.sink)
        switch failure.disposition {
        case .deadLetter:
            try await store.markDead(entry, failure: record, at: now)
            report.deadLettered += 1
            log.warning("delivery refused, kept as a dead letter: \(failure.message)", metadata: alertID)
            return false
        case .disableSink:
            if try await store.disableSink(entry.sink, reason: failure.message, at: now) {
                report.disabled.append(entry.sink)
                log.error(
                    """
                    sink disabled: \(failure.message); its alerts are kept. Fix the sink's url, then run \
                    `herald deliveries enable \(entry.sink)`
                    """)
            }
            report.failures.append((entry.sink, failure.description))
            return true
        case .retry:
            let firstFailure = entry.firstFailedAt ?? now
            if now.timeIntervalSince(firstFailure) >= schedule.giveUpAfter.seconds {
                var final = record
                final.message = "gave up after \(Int(schedule.giveUpAfter.seconds / 3600))h: \(failure.message)"
                try await store.markDead(entry, failure: final, at: now)
                report.deadLettered += 1
                log.warning(
                    "delivery failing for too long, kept as a dead letter: \(failure.message)", metadata: alertID)
                return false
            }
            let wait = Self.retryWait(
                failures: entry.attempts + 1, schedule: schedule, asked: failure.retryAfter, random: random)
            try await store.markFailed(entry, failure: record, retryAt: now.addingTimeInterval(wait), now: now)
            report.failures.append((entry.sink, failure.description))
            log.warning(
                "delivery failed, will retry in \(Int(wait.rounded(.up)))s: \(failure.message)", metadata: alertID)
            return true
        }
    }

    /// Whether a lease owner (`herald-PID-…`, see `Herald.owner`) is a process that no longer
    /// exists on this machine. Unknown forms count as alive: their lease runs out on its own.
    static func ownerIsGone(_ owner: String) -> Bool {
        let parts = owner.split(separator: "-")
        guard parts.count >= 3, parts[0] == "herald", let pid = Int32(parts[1]), pid > 0 else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Full jitter: a wait drawn between 0 and the schedule's step, never shorter than what the
    /// receiver asked for.
    static func retryWait(
        failures: Int, schedule: RetrySchedule, asked: Duration?,
        random: @Sendable (ClosedRange<Double>) -> Double
    ) -> Double {
        let cap = schedule.step(afterFailures: failures).seconds
        let drawn = cap > 0 ? random(0...cap) : 0
        return max(drawn, asked?.seconds ?? 0)
    }
}
