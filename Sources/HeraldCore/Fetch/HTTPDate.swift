import Foundation

/// Parses an HTTP `Retry-After` value: delay-seconds, or an HTTP-date relative to `now`.
public func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Int(trimmed) { return .seconds(max(0, seconds)) }
    guard let date = httpDate(trimmed) else { return nil }
    return .seconds(max(0, Int(date.timeIntervalSince(now).rounded(.up))))
}

/// RFC 9110 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only form servers must send.
func httpDate(_ value: String) -> Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    return formatter.date(from: value)
}
