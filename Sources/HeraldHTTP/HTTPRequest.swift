import Foundation

/// One HTTP exchange for libcurl to perform: a feed fetch or a webhook post.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var url: URL
    public var method: Method
    /// Extra request headers, sent as given (conditional-GET validators, content type, signatures).
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// Whether to follow redirects (feeds: yes, at most `maxRedirects`; webhooks: no — a 3xx is a failure).
    public var followRedirects: Bool
    public var maxRedirects: Int
    /// `file:` URLs are refused unless the feed's config explicitly allows them.
    public var allowFile: Bool
    public var connectTimeout: Duration
    /// Whole-transfer limit, connection included.
    public var timeout: Duration
    /// Cap on the *decompressed* body; the transfer is aborted once it is crossed.
    public var maxBodyBytes: Int

    public init(
        url: URL, method: Method = .get, headers: [(name: String, value: String)] = [], body: Data? = nil,
        followRedirects: Bool = true, maxRedirects: Int = 5, allowFile: Bool = false,
        connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
        maxBodyBytes: Int = 10 << 20
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.allowFile = allowFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// The key that serialises requests: at most one transfer per host (and port) at a time.
    var hostKey: String {
        guard let host = url.host?.lowercased() else { return url.scheme ?? "" }
        return url.port.map { "\(host):\($0)" } ?? host
    }
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
