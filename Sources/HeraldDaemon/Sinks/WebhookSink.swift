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
        _ = try await deliver(alert, thread: nil)
    }

    /// Sends `alert`: as a reply in, or an edit of, `thread`'s message where the target supports it
    /// (see `WebhookTarget.payload(for:thread:)`). When that message is gone — a Discord edit
    /// answered 404, a Slack `thread_not_found` — the alert goes out as a message of its own: a
    /// deleted message must not switch the whole sink off. Should the webhook itself be gone, that
    /// message gets its own 404, which does.
    public func deliver(_ alert: Alert, thread: StoryThread?) async throws -> RemoteMessage? {
        if let thread {
            do {
                if let edit = target.editPayload(for: alert, thread: thread, template: template) {
                    let response = try await send(edit, id: alert.id, method: .patch, replying: true)
                    return target.remoteMessage(in: response) ?? thread.message
                }
                return target.remoteMessage(
                    in: try await send(
                        target.payload(for: alert, thread: thread, template: template), id: alert.id, replying: true))
            } catch is ThreadGone {}
        }
        return target.remoteMessage(
            in: try await send(target.payload(for: alert, template: template), id: alert.id))
    }

    /// The message a reply or edit was meant for no longer exists.
    struct ThreadGone: Error {}

    /// Sends one payload (signed when a secret is set) and classifies the answer. With `replying`,
    /// an answer that says the replied-to message is gone throws `ThreadGone`.
    @discardableResult
    func send(
        _ payload: WebhookPayload, id: String, method: HTTPRequest.Method = .post, replying: Bool = false
    ) async throws -> HTTPResponse {
        var headers = payload.headers
        if let signer {
            headers += signer.headers(id: id, timestamp: Int(clock().timeIntervalSince1970), body: payload.body)
        }
        var request = HTTPRequest(
            url: payload.url, method: method, headers: headers, body: payload.body, followRedirects: false,
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
            if replying, method == .patch, response.status == 404 { throw ThreadGone() }
            throw failure
        }
        if target.kind == .slack, target.options.channel != nil,
            let failure = DeliveryClassifier.slackAPIFailure(
                response, sink: name, target: target.redacted, redactor: redactor)
        {
            if replying, DeliveryClassifier.slackThreadGone.contains(failure.code) { throw ThreadGone() }
            throw failure.error
        }
        return response
    }
}
