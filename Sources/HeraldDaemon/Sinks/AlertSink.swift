import HeraldCore

/// A place alerts go. `deliver` returns only once the sink has the alert (written and synced,
/// or acknowledged with a 2xx); it throws when it does not, and the alert stays in the outbox.
public protocol AlertSink: Sendable {
    var name: String { get }
    func deliver(_ alert: Alert) async throws
}

/// A delivery that did not happen, in words for the log and `herald deliveries`.
public struct SinkError: Error, Sendable, CustomStringConvertible {
    public var sink: String
    public var message: String
    /// How long the receiver asked us to wait before trying again, when it said.
    public var retryAfter: Duration?

    public init(sink: String, message: String, retryAfter: Duration? = nil) {
        self.sink = sink
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "sink \(sink): \(message)" }
}
