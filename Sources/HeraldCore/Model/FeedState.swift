import Foundation

/// What Herald remembers about one feed between polls.
public struct FeedState: Sendable, Hashable {
    public var feed: String
    public var etag: String?
    public var lastModified: String?
    public var lastStatus: Int?
    public var lastError: String?
    public var consecutiveFailures: Int
    public var lastAttemptAt: Date?
    public var lastSuccessAt: Date?
    /// When the feed should next be polled (interval, backoff or `Retry-After`, whichever is latest).
    public var nextDueAt: Date?
    /// Set after permanent redirects to one place were seen `FeedState.redirectObservationsToMove`
    /// times in a row: where the feed now lives.
    public var movedTo: String?
    public var itemsSeen: Int
    /// The configured URL this state belongs to; validators and `movedTo` apply only to it.
    public var url: String?
    /// When the current failure streak reached the unhealthy threshold (a notice was sent).
    public var unhealthySince: Date?
    /// The mean gap between the feed's publications, as last read from its dates
    /// (`AdaptiveInterval.publishingGap`); what an adaptive feed's interval follows.
    public var publishingGap: Duration?

    /// Consecutive polls that must redirect permanently to one URL before Herald follows it for good.
    public static let redirectObservationsToMove = 3

    public init(
        feed: String, etag: String? = nil, lastModified: String? = nil, lastStatus: Int? = nil,
        lastError: String? = nil, consecutiveFailures: Int = 0, lastAttemptAt: Date? = nil,
        lastSuccessAt: Date? = nil, nextDueAt: Date? = nil, movedTo: String? = nil, itemsSeen: Int = 0,
        url: String? = nil, unhealthySince: Date? = nil, publishingGap: Duration? = nil
    ) {
        self.feed = feed
        self.etag = etag
        self.lastModified = lastModified
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.consecutiveFailures = consecutiveFailures
        self.lastAttemptAt = lastAttemptAt
        self.lastSuccessAt = lastSuccessAt
        self.nextDueAt = nextDueAt
        self.movedTo = movedTo
        self.itemsSeen = itemsSeen
        self.url = url
        self.unhealthySince = unhealthySince
        self.publishingGap = publishingGap
    }
}
