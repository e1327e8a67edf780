import Foundation
import HeraldCore
import HeraldHTTP

/// A generic JSON webhook: the alert as a JSON object, POSTed through Herald's libcurl client.
///
/// The alert id travels as the `webhook-id` header and the `id` field, so receivers can drop
/// duplicates of an at-least-once delivery. Redirects are not followed: a 3xx is a failure.
public struct WebhookSink: AlertSink {
    public let name: String
    public let url: URL
    public let timeout: Duration
    let client: HTTPClient

    public init(name: String, url: URL, timeout: Duration, client: HTTPClient) {
        self.name = name
        self.url = url
        self.timeout = timeout
        self.client = client
    }

    public func deliver(_ alert: Alert) async throws {
        let request = HTTPRequest(
            url: url, method: .post,
            headers: [("Content-Type", "application/json"), ("webhook-id", alert.id)],
            body: Data(AlertFormat.jsonLine(alert).utf8), followRedirects: false,
            // The operator's own endpoint (often a relay on this host), never a redirect: not guarded.
            allowPrivateNetwork: true, connectTimeout: min(.seconds(10), timeout), timeout: timeout,
            maxBodyBytes: 64 << 10)
        let response: HTTPResponse
        do {
            response = try await client.execute(request)
        } catch {
            throw SinkError(sink: name, message: "\(error)")
        }
        guard (200..<300).contains(response.status) else {
            let excerpt = String(decoding: response.body.prefix(200), as: UTF8.self)
            throw SinkError(
                sink: name, message: "HTTP \(response.status) from \(url.host ?? url.absoluteString): \(excerpt)",
                retryAfter: response.header("Retry-After").flatMap { parseRetryAfter($0) })
        }
    }
}
