import Foundation

/// What came back: the final status, its headers and the (decompressed) body.
public struct HTTPResponse: Sendable {
    /// One redirect hop that libcurl followed.
    public struct Redirect: Sendable, Hashable {
        public var status: Int
        public var location: String
    }

    public var status: Int
    /// Headers of the final response, in order, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// The URL the body came from, after redirects.
    public var effectiveURL: URL
    /// Hops followed to get there, in order.
    public var redirects: [Redirect]
    /// The body was cut at `HTTPRequest.maxBodyBytes` (only with `HTTPRequest.truncateBody`).
    public var bodyTruncated = false

    public init(
        status: Int, headers: [(name: String, value: String)], body: Data, effectiveURL: URL,
        redirects: [Redirect] = []
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
        self.redirects = redirects
    }

    /// The first header of that name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every header of that name, in order: a list-valued header such as `Cache-Control` may come
    /// split over several lines.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// Where the feed now lives when every hop was permanent (301/308); nil otherwise.
    public var permanentRedirectTarget: URL? {
        guard !redirects.isEmpty, redirects.allSatisfy({ $0.status == 301 || $0.status == 308 }) else { return nil }
        return effectiveURL
    }
}

/// A transfer that produced no HTTP response: what went wrong, to which URL, in a user's words.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case timeout
        case connect
        case resolve
        case tls
        case tooManyRedirects
        case bodyTooLarge
        case headersTooLarge
        /// The connection closed before the body its `Content-Length` announced was complete.
        case truncated
        case protocolNotAllowed
        /// The resolved address is loopback, private or similar and the request did not allow that.
        case blockedAddress
        case cancelled
        case transfer
    }

    public var kind: Kind
    public var url: URL
    public var message: String

    public init(_ kind: Kind, url: URL, message: String) {
        self.kind = kind
        self.url = url
        self.message = message
    }

    public var description: String { "\(message) (\(url.absoluteString))" }
}
