import Foundation
import HeraldCore

/// A place alerts go. `deliver` returns only once the sink has the alert (written and synced,
/// or acknowledged with a 2xx); it throws when it does not, and the alert stays in the outbox.
public protocol AlertSink: Sendable {
    var name: String { get }
    func deliver(_ alert: Alert) async throws
    /// Delivers `alert`; for a story's follow-up or update, `thread` is the story's first alert as
    /// this sink delivered it (nil when unknown). Returns the receiver's id of the message it
    /// posted, when the receiver gave one.
    func deliver(_ alert: Alert, thread: StoryThread?) async throws -> RemoteMessage?
}

extension AlertSink {
    /// Sinks without message ids (stdout, the file) deliver every alert on its own.
    public func deliver(_ alert: Alert, thread: StoryThread?) async throws -> RemoteMessage? {
        try await deliver(alert)
        return nil
    }
}

/// A delivery that did not happen, in words for the log and `herald deliveries`, with what the
/// lane should do about it.
///
/// Messages never carry a secret: webhook sinks build them from redacted parts.
public struct SinkError: Error, Sendable, CustomStringConvertible {
    /// What the lane does with the alert.
    public enum Disposition: String, Sendable, Hashable {
        /// Try again later (transport trouble, 408, 425, 429, 5xx, a redirect, a full disk).
        case retry
        /// The receiver refused this alert for good (other 4xx): dead letter, next alert.
        case deadLetter = "dead-letter"
        /// The target is gone or forbidden (401, 403, 404, 410): switch the sink off.
        case disableSink = "disable-sink"
    }

    public var sink: String
    public var message: String
    public var disposition: Disposition
    /// The HTTP status, when a response came.
    public var status: Int?
    /// The start of the response body, redacted.
    public var excerpt: String?
    /// How long the receiver asked us to wait before trying again, when it said.
    public var retryAfter: Duration?

    public init(
        sink: String, message: String, disposition: Disposition = .retry, status: Int? = nil,
        excerpt: String? = nil, retryAfter: Duration? = nil
    ) {
        self.sink = sink
        self.message = message
        self.disposition = disposition
        self.status = status
        self.excerpt = excerpt
        self.retryAfter = retryAfter
    }

    public var description: String { "sink \(sink): \(message)" }
}
