import Foundation

/// What the scheduler asks of the fetcher for one feed: the URL plus what Herald remembers of it.
public struct FeedFetchRequest: Sendable, Hashable {
    public var url: URL
    public var allowFile: Bool
    /// Validators from the last 200, sent back as `If-None-Match` / `If-Modified-Since`.
    public var etag: String?
    public var lastModified: String?
    public var timeout: Duration
    public var maxBodyBytes: Int

    public init(
        url: URL, allowFile: Bool = false, etag: String? = nil, lastModified: String? = nil,
        timeout: Duration = .seconds(30), maxBodyBytes: Int = 10 << 20
    ) {
        self.url = url
        self.allowFile = allowFile
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
    /// 304: nothing changed since the validators we sent.
    case notModified
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

    public init(
        body: Data, contentType: String? = nil, etag: String? = nil, lastModified: String? = nil, finalURL: URL,
        permanentRedirect: URL? = nil
    ) {
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
        self.finalURL = finalURL
        self.permanentRedirect = permanentRedirect
    }
}

/// Why a fetch produced no feed body, in words for a log line and `herald status`.
public struct FeedFetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The server answered with a non-2xx, non-304 status.
        case httpStatus = "http"
        case timeout
        case network
        case tooLarge = "too-large"
        case refused
        case parse
    }

    public var kind: Kind
    public var status: Int?
    /// Seconds the server asked us to wait (`Retry-After` on 429/503).
    public var retryAfter: Duration?
    public var message: String

    public init(kind: Kind, status: Int? = nil, retryAfter: Duration? = nil, message: String) {
        self.kind = kind
        self.status = status
        self.retryAfter = retryAfter
        self.message = message
    }

    public var description: String { message }
}

/// Fetches feed documents. The libcurl implementation lives in HeraldHTTP; this seam keeps the
/// pipeline independent of it.
public protocol FeedFetching: Sendable {
    func fetch(_ request: FeedFetchRequest) async -> FeedFetchOutcome
}

/// Parses an HTTP `Retry-After` value: delay-seconds, or an HTTP-date relative to `now`.
public func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Int(trimmed) { return .seconds(max(0, seconds)) }
    guard let date = httpDate(trimmed) else { return nil }
    return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
}

/// RFC 9110 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form servers must send.
private func httpDate(_ value: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.date(from: value)
}
