import Foundation
import HeraldCore
import HeraldStore
import Logging

/// What one delivery pass did.
public struct DeliveryReport: Sendable {
    public var delivered = 0
    public var failures: [(sink: String, message: String)] = []

    public init() {}
}

extension Herald {
    /// Sends what waits in the outbox, one lane per sink: in order within a sink, sinks
    /// independent of one another (a dead webhook does not hold up stdout). A lane stops at its
    /// first failure; the alert stays in the outbox with its retry time.
    public func deliver(now: @escaping @Sendable () -> Date = Date.init) async -> DeliveryReport {
        let sinks = current.sinks
        var report = DeliveryReport()
        await withTaskGroup(of: DeliveryReport.self) { group in
            for sink in sinks {
                group.addTask { await self.runLane(sink, now: now) }
            }
            for await lane in group {
                report.delivered += lane.delivered
                report.failures += lane.failures
            }
        }
        return report
    }

    /// Retry schedule after the n-th failed attempt of one alert.
    static let retryDelays: [Double] = [5, 30, 120, 600, 1800, 3600]

    func runLane(_ sink: any AlertSink, now: @Sendable () -> Date) async -> DeliveryReport {
        var report = DeliveryReport()
        var log = logger
        log[metadataKey: "sink"] = "\(sink.name)"
        do {
            while true {
                let batch = try await store.claim(sink: sink.name, owner: owner, now: now())
                if batch.isEmpty { break }
                for entry in batch {
                    do {
                        try await sink.deliver(entry.alert)
                        let deliveredAt = now()
                        try await store.markDelivered(entry, at: deliveredAt)
                        metrics.delivered(
                            sink: sink.name, latency: deliveredAt.timeIntervalSince(entry.alert.createdAt))
                        report.delivered += 1
                    } catch {
                        let delay = Self.retryDelays[min(entry.attempts, Self.retryDelays.count - 1)]
                        let asked = (error as? SinkError)?.retryAfter?.seconds ?? 0
                        try await store.markFailed(
                            entry, error: "\(error)", retryAt: now().addingTimeInterval(max(delay, asked)))
                        report.failures.append((sink.name, "\(error)"))
                        metrics.deliveryFailed(sink: sink.name)
                        log.warning(
                            "delivery failed, will retry: \(error)", metadata: ["alert.id": "\(entry.alert.id)"])
                        return report
                    }
                }
            }
        } catch {
            report.failures.append((sink.name, "\(error)"))
            log.error("outbox unavailable: \(error)")
        }
        return report
    }
}
