import Foundation
import Synchronization

/// Counters the pipeline keeps while it runs, rendered in Prometheus' text format by the status
/// endpoint's `/metrics`. Gauges that the state file already knows (queue depth, feed health) are
/// read from it at scrape time instead, so they are right even after a restart.
public final class HeraldMetrics: Sendable {
    /// How one feed poll ended.
    public enum PollResult: String, Sendable, CaseIterable {
        case fetched
        case notModified = "not_modified"
        case failed
    }

    /// Why a poll failed, for `herald_poll_errors_total{class=…}`.
    public enum ErrorClass: String, Sendable, CaseIterable {
        /// Connect, DNS, TLS, timeout, reset: nothing usable came back.
        case transport
        /// The server answered with an error status.
        case http
        /// The body was not a feed Herald could read.
        case parse
        /// The state file refused the write.
        case store
    }

    /// Upper bounds of the delivery latency histogram, in seconds: from an alert's creation to its
    /// sink's confirmation, so retries show up in the tail.
    static let latencyBuckets: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600]

    struct Counters {
        var polls: [PollResult: Int] = [:]
        var errors: [ErrorClass: Int] = [:]
        var bytes = 0
        var newItems = 0
        var alerts = 0
        var delivered: [String: Int] = [:]
        var deliveryFailures: [String: Int] = [:]
        var latencyCounts = [Int](repeating: 0, count: HeraldMetrics.latencyBuckets.count)
        var latencySum = 0.0
        var latencyCount = 0
    }

    private let counters = Mutex(Counters())
    let started = Date()

    public init() {}

    /// Records one feed poll.
    public func polled(
        _ result: PollResult, error: ErrorClass? = nil, bytes: Int = 0, newItems: Int = 0, alerts: Int = 0
    ) {
        counters.withLock {
            $0.polls[result, default: 0] += 1
            if let error { $0.errors[error, default: 0] += 1 }
            $0.bytes += bytes
            $0.newItems += newItems
            $0.alerts += alerts
        }
    }

    /// Records one alert confirmed by its sink, `latency` seconds after the alert was created.
    public func delivered(sink: String, latency: Double) {
        counters.withLock {
            $0.delivered[sink, default: 0] += 1
            let seconds = max(0, latency)
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                $0.latencyCounts[index] += 1
            }
            $0.latencySum += seconds
            $0.latencyCount += 1
        }
    }

    /// Records one failed delivery attempt.
    public func deliveryFailed(sink: String) {
        counters.withLock { $0.deliveryFailures[sink, default: 0] += 1 }
    }

    var snapshot: Counters { counters.withLock { $0 } }

    /// The Prometheus text exposition (version 0.0.4) of the counters and of `report`'s gauges.
    public func render(report: StatusReport, now: Date = Date()) -> String {
        let c = snapshot
        var out = PrometheusText()
        out.family("herald_up", "gauge", "1 while the Herald process answers.")
        out.sample("herald_up", value: 1)
        out.family("herald_uptime_seconds", "gauge", "Seconds since this Herald process started.")
        out.sample("herald_uptime_seconds", value: now.timeIntervalSince(started))

        out.family("herald_polls_total", "counter", "Feed polls, by how they ended.")
        for result in PollResult.allCases {
            out.sample("herald_polls_total", ["result": result.rawValue], value: Double(c.polls[result] ?? 0))
        }
        out.family("herald_poll_errors_total", "counter", "Failed feed polls, by class of error.")
        for error in ErrorClass.allCases {
            out.sample("herald_poll_errors_total", ["class": error.rawValue], value: Double(c.errors[error] ?? 0))
        }
        out.family("herald_fetched_bytes_total", "counter", "Feed body bytes received, after decompression.")
        out.sample("herald_fetched_bytes_total", value: Double(c.bytes))
        out.family("herald_new_items_total", "counter", "Items judged for the first time.")
        out.sample("herald_new_items_total", value: Double(c.newItems))
        out.family("herald_alerts_total", "counter", "Alerts raised (one per rule match, plus feed notices).")
        out.sample("herald_alerts_total", value: Double(c.alerts))

        out.family("herald_deliveries_total", "counter", "Delivery attempts, by sink and outcome.")
        for sink in report.sinks.map(\.name) {
            out.sample(
                "herald_deliveries_total", ["sink": sink, "result": "delivered"], value: Double(c.delivered[sink] ?? 0))
            out.sample(
                "herald_deliveries_total", ["sink": sink, "result": "failed"],
                value: Double(c.deliveryFailures[sink] ?? 0))
        }
        out.family(
            "herald_delivery_latency_seconds", "histogram", "From an alert's creation to its sink's confirmation.")
        for (index, bound) in Self.latencyBuckets.enumerated() {
            out.sample(
                "herald_delivery_latency_seconds_bucket", ["le": PrometheusText.number(bound)],
                value: Double(c.latencyCounts[index]))
        }
        out.sample("herald_delivery_latency_seconds_bucket", ["le": "+Inf"], value: Double(c.latencyCount))
        out.sample("herald_delivery_latency_seconds_sum", value: c.latencySum)
        out.sample("herald_delivery_latency_seconds_count", value: Double(c.latencyCount))

        out.family("herald_outbox_pending", "gauge", "Alerts waiting for delivery, by sink.")
        for sink in report.sinks {
            out.sample("herald_outbox_pending", ["sink": sink.name], value: Double(sink.pending))
        }
        out.family("herald_outbox_retrying", "gauge", "Alerts whose last delivery attempt failed, by sink.")
        for sink in report.sinks {
            out.sample("herald_outbox_retrying", ["sink": sink.name], value: Double(sink.failing))
        }
        out.family("herald_feeds", "gauge", "Configured feeds, by health.")
        for health in [StatusReport.FeedStatus.Health.new, .ok, .failing, .unhealthy] {
            out.sample(
                "herald_feeds", ["health": health.rawValue],
                value: Double(report.feeds.count { $0.health == health }))
        }
        out.family("herald_rule_hits_24h", "gauge", "Alerts per rule in the last 24 hours.")
        for rule in report.rules {
            out.sample("herald_rule_hits_24h", ["rule": rule.name], value: Double(rule.hits24h))
        }
        return out.text
    }
}

/// Builds Prometheus text: `# HELP`/`# TYPE` per family, then `name{label="value"} number` lines.
struct PrometheusText {
    private(set) var text = ""

    mutating func family(_ name: String, _ type: String, _ help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String> = [:], value: Double) {
        text += name
        if !labels.isEmpty {
            text += "{" + labels.map { "\($0.key)=\"\(Self.escape($0.value))\"" }.joined(separator: ",") + "}"
        }
        text += " " + Self.number(value) + "\n"
    }

    /// Label values escape backslash, double quote and newline.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Integers without a fraction, others in the shortest form that reads back the same.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
