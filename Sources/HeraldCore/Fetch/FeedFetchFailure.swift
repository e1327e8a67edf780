import Foundation

/// Why a fetch produced no feed body, in words for a log line and `herald status`.
///
/// `isTransient` tells the scheduler whether trying again later may help (back off and retry) or
/// the feed needs a person (keep retrying slowly, say so loudly):
///
/// | kind / status                                      | transient |
/// |----------------------------------------------------|-----------|
/// | `timeout` (connect, total, too slow)               | yes       |
/// | `network` (DNS, connect, reset, truncated body)    | yes       |
/// | `httpStatus` 408, 429, 5xx                         | yes       |
/// | `httpStatus` 401, 403, 404, 410, any other status  | no        |
/// | `tls` (handshake, certificate)                     | no        |
/// | `redirects` (more than the limit, or a loop)       | no        |
/// | `tooLarge` (body or headers over their cap)        | no        |
/// | `refused` (scheme not allowed, private address)    | no        |
/// | `parse`                                            | no        |
public struct FeedFetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The server answered with a non-2xx, non-304 status.
        case httpStatus = "http"
        case timeout
        case network
        case tls
        case redirects = "too-many-redirects"
        case tooLarge = "too-large"
        /// Herald would not fetch it: a scheme the feed may not use, or a private address.
        case refused
        case parse
    }

    public var kind: Kind
    public var status: Int?
    /// Seconds the server asked us to wait (`Retry-After`, usually on 429/503).
    public var retryAfter: Duration?
    public var message: String

    public init(kind: Kind, status: Int? = nil, retryAfter: Duration? = nil, message: String) {
        self.kind = kind
        self.status = status
        self.retryAfter = retryAfter
        self.message = message
    }

    /// Whether the same request may succeed later without anyone changing anything (table above).
    public var isTransient: Bool {
        switch kind {
        case .timeout, .network: true
        case .httpStatus:
            status.map { $0 == 408 || $0 == 429 || (500..<600).contains($0) } ?? false
        case .tls, .redirects, .tooLarge, .refused, .parse: false
        }
    }

    public var description: String { message }
}
