import Foundation
import HeraldCore
import HeraldHTTP

/// Sorts a webhook's answer into success, retry, dead letter or "switch the sink off", and reads
/// how long the receiver asked us to wait.
///
/// - 2xx: delivered.
/// - 408, 425, 429, 500, 502, 503, 504, and no response at all: retried.
/// - 3xx: a failure, retried (redirects are never followed: a moved webhook is a config change).
/// - 401, 403, 404, 410: the target is gone or forbidden; the sink is disabled.
/// - any other 4xx: the receiver refuses this alert; it becomes a dead letter.
/// - any other status: retried.
public enum DeliveryClassifier {
    static let retried: Set<Int> = [408, 425, 429, 500, 502, 503, 504]
    static let disabling: Set<Int> = [401, 403, 404, 410]
    /// How much of a response body is kept with a failed row.
    static let excerptBytes = 500

    /// Nil when the response means "delivered".
    static func classify(
        _ response: HTTPResponse, sink: String, target: String, redactor: Redactor, now: Date = Date()
    ) -> SinkError? {
        let status = response.status
        if (200..<300).contains(status) { return nil }
        let excerpt = redactor.redact(
            String(decoding: response.body.prefix(excerptBytes), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines))
        let disposition: SinkError.Disposition =
            if disabling.contains(status) {
                .disableSink
            } else if (400..<500).contains(status) && !retried.contains(status) {
                .deadLetter
            } else {
                .retry
            }
        var message = "HTTP \(status) from \(target)"
        if (300..<400).contains(status) { message += " (redirects are not followed; update the sink's url)" }
        return SinkError(
            sink: sink, message: message, disposition: disposition, status: status,
            excerpt: excerpt.isEmpty ? nil : excerpt, retryAfter: retryAfter(response, now: now))
    }

    /// The longest wait the response asks for: `Retry-After` (seconds or HTTP-date), Discord's JSON
    /// `retry_after` (seconds, fractions allowed), Telegram's `parameters.retry_after`.
    static func retryAfter(_ response: HTTPResponse, now: Date = Date()) -> Duration? {
        var asked: [Duration] = []
        if let header = response.header("Retry-After"), let value = parseRetryAfter(header, now: now) {
            asked.append(value)
        }
        if response.body.count <= 64 << 10, response.body.first == UInt8(ascii: "{"),
            let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        {
            if let seconds = number(object["retry_after"]) { asked.append(duration(seconds)) }
            if let parameters = object["parameters"] as? [String: Any], let seconds = number(parameters["retry_after"])
            {
                asked.append(duration(seconds))
            }
        }
        // Nobody may park a lane for more than a day.
        return asked.max().map { min($0, .seconds(86_400)) }
    }

    private static func number(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, number.doubleValue.isFinite, number.doubleValue >= 0 else { return nil }
        return min(number.doubleValue, 86_400)
    }

    private static func duration(_ seconds: Double) -> Duration { .milliseconds(Int((seconds * 1000).rounded(.up))) }

    /// A transfer that got no response: always retried.
    static func transportFailure(_ error: HTTPError, sink: String, target: String, redactor: Redactor) -> SinkError {
        let what =
            switch error.kind {
            case .timeout: "timed out"
            case .connect: "connection failed"
            case .resolve: "host name not resolved"
            case .tls: "TLS failed"
            case .bodyTooLarge: "response body over the 64 KiB cap"
            default: "transfer failed"
            }
        return SinkError(
            sink: sink, message: "\(what) posting to \(target): \(redactor.redact(error.message))", disposition: .retry)
    }
}

/// Masks secret values (webhook URLs, tokens, signing secrets) in any text before it reaches a
/// log line, an error, the state file or `herald status`.
public struct Redactor: Sendable {
    public static let mask = "****"
    private let secrets: [String]

    /// Secrets shorter than 6 characters are not masked: they would mangle ordinary words.
    public init(secrets: [String]) {
        var all: Set<String> = []
        for secret in secrets where secret.count >= 6 {
            all.insert(secret)
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { all.insert(encoded) }
            if let decoded = secret.removingPercentEncoding { all.insert(decoded) }
        }
        // Longest first, so a URL is masked whole before the token inside it.
        self.secrets = all.filter { $0.count >= 6 }.sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: Self.mask)
        }
        return out
    }
}
