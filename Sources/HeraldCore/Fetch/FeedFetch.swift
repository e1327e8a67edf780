import Foundation

/// What the scheduler asks of the fetcher for one feed: the URL plus what Herald remembers of it.
public struct FeedFetchRequest: Sendable, Hashable {
    public var url: URL
    public var allowFile: Bool
    /// Whether the URL and its redirects may reach loopback, private and link-local addresses.
    /// Off by default, so a feed (or a redirect it serves) cannot point Herald at internal services.
    public var allowPrivateNetwork: Bool
    /// Validators from the last 200, sent back as `If-None-Match` / `If-Modified-Since`.
    public var etag: String?
    public var lastModified: String?
    public var timeout: Duration
    public var maxBodyBytes: Int

    public init(
        url: URL, allowFile: Bool = false, allowPrivateNetwork: Bool = false, etag: String? = nil,
        lastModified: String? = nil, timeout: Duration = .seconds(30), maxBodyBytes: Int = 16 << 20
    ) {
        self.url = url
        self.allowFile = allowFile
        self.allowPrivateNetwork = allowPrivateNetwork
        self.etag = etag
        self.lastModified = lastModified
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }
}

/// The outcome of one fetch. Failures are values, not throws: a broken feed is a state to record.
public enum FeedFetchOutcome: Sendable {
    /// A new body (status 200).
    case fetched(FetchedDocument)
    /// 304: nothing changed since the validators we sent. `freshFor` as in `FetchedDocument`.
    case notModified(freshFor: Duration?)
    case failed(FeedFetchFailure)
}

/// A fetched feed body with what HTTP said about it.
public struct FetchedDocument: Sendable {
    public var body: Data
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// The URL the body came from (after redirects); relative links resolve against it.
    public var finalURL: URL
    /// Set when every redirect hop was permanent (301/308): the feed's new address.
    public var permanentRedirect: URL?
    /// How long the server says the document stays fresh (`Cache-Control: max-age`, else `Expires`;
    /// see `parseFreshness`): a lower bound for the next poll. Nil when the server gave no hint.
    public var freshFor: Duration?

    public init(
        body: Data, contentType: String? = nil, etag: String? = nil, lastModified: String? = nil, finalURL: URL,
        permanentRedirect: URL? = nil, freshFor: Duration? = nil
    ) {
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
        self.freshFor = freshFor
    }
}

/// Fetches feed documents. The libcurl implementation lives in HeraldHTTP; this seam keeps the
/// pipeline independent of it.
public protocol FeedFetching: Sendable {
    func fetch(_ request: FeedFetchRequest) async -> FeedFetchOutcome
}
