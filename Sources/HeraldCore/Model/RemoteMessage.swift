/// A message as the receiving service names it: Discord's message id, Slack's `ts` in its channel,
/// Telegram's `message_id` in its chat. Herald keeps it with the delivery, so a story's later
/// alerts can reply to that message or edit it.
public struct RemoteMessage: Sendable, Hashable {
    /// The service's id of the message.
    public var id: String
    /// Where the message lives, when the service needs it to address the message (Slack's channel id).
    public var channel: String?

    public init(id: String, channel: String? = nil) {
        self.id = id
        self.channel = channel
    }
}

/// A story's first alert as one sink delivered it: what that sink's follow-ups and updates of the
/// story reply to (a thread) or edit.
public struct StoryThread: Sendable, Hashable {
    /// The first alert's message on the sink.
    public var message: RemoteMessage
    /// The first alert itself, for targets that rewrite its message.
    public var first: Alert

    public init(message: RemoteMessage, first: Alert) {
        self.message = message
        self.first = first
    }
}

extension StoryInfo {
    /// "Also reported by 2 outlets: Levant Wire, سانا": the outlets after the first reporter, or nil
    /// while the first reporter is the only one.
    public var alsoReportedBy: String? {
        let others = outlets.dropFirst()
        guard !others.isEmpty else { return nil }
        return "Also reported by \(others.count) \(others.count == 1 ? "outlet" : "outlets"): "
            + others.joined(separator: ", ")
    }
}
