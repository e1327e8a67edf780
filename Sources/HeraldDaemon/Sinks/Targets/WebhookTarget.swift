import Foundation

/// Where a webhook sink POSTs, and in which service's shape: parsed once from the configured URL.
///
/// `url` is the exact URL to POST to (it holds the service's secret token for most kinds); `headers` are sent
/// with every request (ntfy credentials, for one). Print `redacted` (also `description`), never `url`.
public struct WebhookTarget: Sendable, Equatable, CustomStringConvertible {
    /// The payload shape a target receives.
    public enum Kind: String, Sendable, CaseIterable {
        /// The alert itself as JSON (the keys of the file sink's lines), optionally signed.
        case json
        case slack
        case discord
        /// Microsoft Teams through a Workflows (Power Automate) webhook.
        case teams
        case mattermost
        case rocketChat = "rocketchat"
        case googleChat = "gchat"
        /// Matrix through a matrix-hookshot generic webhook.
        case matrix
        case ntfy
        case gotify
        case telegram
    }

    /// Settings some kinds take from their URL.
    public struct Options: Sendable, Hashable {
        /// Telegram: the chat to post to (`-100…` or `@channel`).
        public var chatID: String?
        /// ntfy: the topic (sent in the JSON body; ntfy's JSON publishing posts to the server root).
        public var topic: String?
        /// ntfy (1–5) and Gotify (0–10): `?priority=`; unset, the service's default.
        public var priority: Int?
        /// Slack through the Web API (`slack://xoxb-…/#channel`): the channel to post to. Unset for
        /// an incoming webhook, which cannot thread.
        public var channel: String?

        public init(chatID: String? = nil, topic: String? = nil, priority: Int? = nil, channel: String? = nil) {
            self.chatID = chatID
            self.topic = topic
            self.priority = priority
            self.channel = channel
        }
    }

    public var kind: Kind
    public var url: URL
    public var headers: [(String, String)]
    public var options: Options
    /// The target with its secrets masked, e.g. `discord://123456/****`: safe for logs and `herald status`.
    public let redacted: String
    /// The secret parts of the URL as written (tokens, the whole URL), for `Redactor`.
    public let secrets: [String]

    init(
        kind: Kind, url: URL, headers: [(String, String)] = [], options: Options = Options(), redacted: String,
        secrets: [String] = []
    ) {
        self.secrets = secrets
        self.kind = kind
        self.url = url
        self.headers = headers
        self.options = options
        self.redacted = redacted
    }

    public var description: String { redacted }

    public static func == (lhs: WebhookTarget, rhs: WebhookTarget) -> Bool {
        lhs.kind == rhs.kind && lhs.url == rhs.url && lhs.options == rhs.options && lhs.redacted == rhs.redacted
            && lhs.headers.map(\.0) == rhs.headers.map(\.0) && lhs.headers.map(\.1) == rhs.headers.map(\.1)
    }

    /// What a redacted secret looks like.
    static let mask = "****"
}
