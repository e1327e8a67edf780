import Foundation
import HeraldCore

/// Digest mode: the alerts a sink gathered over its `digest` window, sent as one message.
///
/// Chat targets receive one alert-shaped message whose summary lists every alert (title and
/// link), cut to the target's limit like any other; Herald JSON receives
/// `{"id", "kind": "digest", "count", "alerts": [...]}`. The digest's id derives from its alerts'
/// ids, so a re-sent digest of the same alerts has the same id.
enum Digest {
    static func id(_ alerts: [Alert]) -> String {
        StableHash.hex128("digest\u{1F}" + alerts.map(\.id).joined(separator: ","))
    }

    /// The digest as one alert, for targets that show one message.
    static func alert(_ alerts: [Alert]) -> Alert {
        let rules = unique(alerts.map(\.rule))
        let feeds = unique(alerts.map(\.feed))
        let lines = alerts.map { alert in
            let title = alert.title.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
            return "• " + title + (alert.link.map { " — \($0)" } ?? "")
        }
        return Alert(
            id: id(alerts), kind: .match, rule: rules.joined(separator: ", "), feed: feeds.joined(separator: ", "),
            title: alerts.count == 1 ? "1 alert" : "\(alerts.count) alerts", summary: lines.joined(separator: "\n"),
            createdAt: alerts.last?.createdAt ?? Date())
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}

extension AlertSink {
    /// Sends several alerts as one message. Sinks without a digest form send them one by one.
    public func deliverDigest(_ alerts: [Alert]) async throws {
        if let webhook = self as? WebhookSink {
            try await webhook.send(webhook.target.digestPayload(for: alerts), id: Digest.id(alerts))
            return
        }
        for alert in alerts { try await deliver(alert) }
    }
}

extension WebhookTarget {
    /// The POST for a digest: Herald JSON lists the alerts; chat targets get one message.
    func digestPayload(for alerts: [Alert]) -> WebhookPayload {
        guard kind == .json else { return payload(for: Digest.alert(alerts)) }
        let body = JSONValue.object([
            ("id", .string(Digest.id(alerts))), ("kind", .string("digest")), ("count", .int(alerts.count)),
            ("alerts", .array(alerts.map { .raw(AlertFormat.jsonLine($0)) })),
        ])
        return WebhookPayload(
            url: url, headers: [("Content-Type", "application/json"), ("webhook-id", Digest.id(alerts))] + headers,
            body: body.data)
    }
}
