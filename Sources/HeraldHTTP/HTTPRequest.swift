import Foundation

/// One HTTP exchange for libcurl to perform: a feed fetch or a webhook post.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        /// Sends a body like POST (a chat message edit).
        case patch = "PATCH"
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
    /// Whether this transfer may connect to loopback, private, link-local and similar addresses
    /// (see `NetworkAddressPolicy`). Judged on the resolved address of every hop.
    public var allowPrivateNetwork: Bool
    public var connectTimeout: Duration
    /// Whole-transfer limit, connection included.
    public var timeout: Duration
    /// A transfer slower than `minimumSpeed` bytes per second for this long is dead, whatever
    /// `timeout` has left: a trickling server must not hold a transfer slot for the full timeout.
    public var slowTimeout: Duration
    public var minimumSpeed: Int
    /// Cap on the *decompressed* body; the transfer is aborted once it is crossed.
    public var maxBodyBytes: Int
    /// At the cap, keep the first `maxBodyBytes` and stop reading, and still report the response,
    /// rather than fail: for answers Herald only glances at, such as a webhook receiver's reply,
    /// whose status is what counts. `HTTPResponse.bodyTruncated` says it happened.
    public var truncateBody = false
    /// Cap on the header bytes of all responses of the transfer (redirect hops included). Upstream
    /// libcurl 7.88 limits only the length of one line; this makes the total explicit, and its
    /// error plain, wherever Herald runs.
    public var maxHeaderBytes: Int

    public init(
        url: URL, method: Method = .get, headers: [(name: String, value: String)] = [], body: Data? = nil,
        followRedirects: Bool = true, maxRedirects: Int = 5, allowFile: Bool = false,
        allowPrivateNetwork: Bool = false, connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
        slowTimeout: Duration = .seconds(15), minimumSpeed: Int = 100, maxBodyBytes: Int = 16 << 20,
        maxHeaderBytes: Int = 256 << 10
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
        self.followRedirects = followRedirects
        self.maxRedirects = maxRedirects
        self.allowFile = allowFile
        self.allowPrivateNetwork = allowPrivateNetwork
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.slowTimeout = slowTimeout
        self.minimumSpeed = minimumSpeed
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
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
