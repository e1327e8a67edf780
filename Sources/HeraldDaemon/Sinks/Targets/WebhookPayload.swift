import Foundation
import HeraldCore

/// One HTTP POST, ready to send: where, which headers, and the body.
public struct WebhookPayload: Sendable {
    public var url: URL
    public var headers: [(String, String)]
    public var body: Data

    public init(url: URL, headers: [(String, String)], body: Data) {
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched case-insensitively as HTTP does.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }
}

extension WebhookPayload {
    /// A JSON POST to `target`, carrying the alert id as `webhook-id` so any receiver can drop a re-sent alert.
    static func json(_ body: JSONValue, to target: WebhookTarget, url: URL? = nil, alert: Alert) -> WebhookPayload {
        WebhookPayload(
            url: url ?? target.url,
            headers: [("Content-Type", "application/json"), ("webhook-id", alert.id)] + target.headers,
            body: body.data)
    }
}
