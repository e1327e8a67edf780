import Foundation

/// How much longer a response stays fresh, from its caching headers (RFC 9111 §4.2), for the
/// scheduler to use as a lower bound on the next poll. Nil when the headers give no hint.
///
/// - `Cache-Control: no-store` or `no-cache` → nil, whatever else it says: the server wants to be
///   asked every time, so there is no lower bound to honour.
/// - `max-age=N` → N seconds. It wins over `Expires`, as RFC 9111 says; `s-maxage` is for shared
///   caches and Herald is not one. An unreadable `max-age` gives no hint.
/// - Otherwise `Expires` − `Date`: both from the server's clock, so skew between its clock and ours
///   does not matter (without `Date`, `now` stands in). An unreadable `Expires` (often "0") means
///   already stale: zero.
/// - `Age` is subtracted: a response a CDN has held for a while has used up that much freshness.
///
/// Never negative. `cacheControl` is every `Cache-Control` line joined with commas.
public func parseFreshness(
    cacheControl: String?, expires: String?, date: String?, age: String?, now: Date = Date()
) -> Duration? {
    let directives = cacheDirectives(cacheControl ?? "")
    if directives.keys.contains("no-store") || directives.keys.contains("no-cache") { return nil }
    let lifetime: Int
    if let maxAge = directives["max-age"] {
        guard let value = maxAge.flatMap({ Int($0) }), value >= 0 else { return nil }
        lifetime = value
    } else if let expires {
        guard let expiry = httpDate(expires.trimmingCharacters(in: .whitespaces)) else { return .zero }
        let origin = date.flatMap { httpDate($0.trimmingCharacters(in: .whitespaces)) } ?? now
        lifetime = Int(expiry.timeIntervalSince(origin).rounded(.down))
    } else {
        return nil
    }
    let used = age.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { max(0, $0) } ?? 0
    return .seconds(max(0, lifetime - used))
}

/// `Cache-Control` directives by lowercased name; the value is nil for a bare directive. The first
/// of duplicate directives counts.
private func cacheDirectives(_ header: String) -> [String: String?] {
    var directives: [String: String?] = [:]
    for part in header.split(separator: ",") {
        let pieces = part.split(separator: "=", maxSplits: 1)
        guard let rawName = pieces.first else { continue }
        let name = rawName.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty, directives[name] == nil else { continue }
        let value = pieces.count == 2 ? unquoted(pieces[1]) : nil
        directives[name] = .some(value)
    }
    return directives
}

/// A directive's value without surrounding blanks and quotes (`max-age="60"` is legal).
private func unquoted(_ value: Substring) -> String {
    value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
}
