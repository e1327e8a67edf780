import Foundation
import HeraldCore
import HeraldHTTP

/// A webhook: the alert in the target's own shape (Herald JSON, Slack, Discord, …), POSTed through
/// Herald's libcurl client, optionally signed per Standard Webhooks.
///
/// The alert id travels as the `webhook-id` header (and `id` in Herald's JSON), so receivers can drop
/// duplicates of an at-least-once delivery. Redirects are not followed: a 3xx is a failure. At most
/// 64 KiB of a response is read. Every message this sink produces names the target in its
/// redacted form (`discord://123/****`).
public struct WebhookSink: AlertSink {
    public let name: String
    public let target: WebhookTarget
    public let timeout: Duration
    /// The sink's template for the message text, if it has one.
    public let template: MessageTemplate?
    let signer: WebhookSigner?
    let redactor: Redactor
    let client: HTTPClient
    let clock: @Sendable () -> Date

    public init(
        name: String, target: WebhookTarget, timeout: Duration, template: MessageTemplate? = nil,
        signer: WebhookSigner? = nil, extraSecrets: [String] = [], client: HTTPClient,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.name = name
        self.target = target
        self.timeout = timeout
        self.template = template
        self.signer = signer
        self.redactor = Redactor(secrets: target.secrets + extraSecrets)
        self.client = client
        self.clock = clock
    }

    /// A generic JSON webhook at `url`.
    public init(name: String, url: URL, timeout: Duration, client: HTTPClient) {
        let target = WebhookTarget(
            kind: .json, url: url, redacted: "\(url.scheme ?? "http")://\(url.host ?? "")/\(WebhookTarget.mask)",
            secrets: [url.absoluteString])
        self.init(name: name, target: target, timeout: timeout, client: client)
    }

    /// The most of a response body Herald reads.
    static let maxResponseBytes = 64 << 10

    public func deliver(_ alert: Alert) async throws {
        try await send(target.payload(for: alert, template: template), id: alert.id)
    }

    /// POSTs one payload (signed when a secret is set) and classifies the answer.
    func send(_ payload: WebhookPayload, id: String) async throws {
        var headers = payload.headers
        if let signer {
            headers += signer.headers(id: id, timestamp: Int(clock().timeIntervalSince1970), body: payload.body)
        }
        var request = HTTPRequest(
            url: payload.url, method: .post, headers: headers, body: payload.body, followRedirects: false,
            // The operator's own endpoint (often a relay on this host), never a redirect: not guarded.
            allowPrivateNetwork: true, connectTimeout: min(.seconds(10), timeout), timeout: timeout,
            maxBodyBytes: Self.maxResponseBytes)
        // The receiver's answer matters for its status and a short excerpt: read at most 64 KiB of
        // it, and keep the status of a longer one.
        request.truncateBody = true
        let response: HTTPResponse
        do {
            response = try await client.execute(request)
        } catch let error as HTTPError {
            throw DeliveryClassifier.transportFailure(
                error, sink: name, target: target.redacted, redactor: redactor)
        } catch {
            throw SinkError(sink: name, message: redactor.redact("posting to \(target.redacted) failed: \(error)"))
        }
        if let failure = DeliveryClassifier.classify(
            response, sink: name, target: target.redacted, redactor: redactor, now: clock())
        {
            throw failure
        }
    }
}
