import Foundation

/// A target URL taken apart: `scheme://[user[:password]@]host[:port][/path][?query][#fragment]`.
///
/// Apprise-style URLs put tokens where a URL has its host (`discord://ID/TOKEN`), and a Telegram bot token
/// has a colon in it (`tgram://123:ABC/chat`), so this splits text without Foundation's host and port
/// rules; each target then checks the parts it uses.
struct TargetURL: Sendable {
    var scheme: String
    /// Everything between `//` and the path: the host and port, or a token in Apprise forms.
    var authority: String
    var user: String?
    var password: String?
    var host: String
    var portText: String?
    var path: [String]
    /// The query as written, without `?`, for https URLs passed through unchanged.
    var rawQuery: String?
    var query: [(String, String)]
    var hasFragment: Bool
    /// The text after `#` (Slack's `slack://TOKEN/#channel`), when there is one.
    var fragment: String?

    var isWeb: Bool { scheme == "http" || scheme == "https" }

    static func split(_ text: String) throws(TargetError) -> TargetURL {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw TargetError("the target URL is empty", example: "https://hooks.slack.com/services/T000/B000/XXXX")
        }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw TargetError("the target URL contains spaces or control characters")
        }
        guard let separator = text.range(of: "://") else {
            throw TargetError(
                "the target URL has no scheme", example: "https://example.org/hooks/herald or slack://T000/B000/XXXX")
        }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard let first = scheme.unicodeScalars.first, CharacterSet.letters.contains(first),
            scheme.unicodeScalars.allSatisfy({ schemeCharacters.contains($0) })
        else {
            throw TargetError("the target URL's scheme is not valid", example: "https://example.org/hooks/herald")
        }
        var rest = Substring(text[separator.upperBound...])
        var hasFragment = false
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            hasFragment = true
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var rawQuery: String?
        if let mark = rest.firstIndex(of: "?") {
            rawQuery = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        let path = rest[slash...].split(separator: "/").map(String.init)

        var user: String?
        var password: String?
        var hostPort = Substring(authority)
        if let at = authority.lastIndex(of: "@") {
            let info = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = String(info[..<colon]).removingPercentEncoding
                password = String(info[info.index(after: colon)...]).removingPercentEncoding
            } else {
                user = String(info).removingPercentEncoding
            }
        }
        var host = String(hostPort)
        var portText: String?
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            host = String(hostPort[...close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            portText = String(hostPort[hostPort.index(after: colon)...])
        }
        let query: [(String, String)] = (rawQuery ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (key, value)
        }
        return TargetURL(
            scheme: scheme, authority: authority, user: user, password: password, host: host, portText: portText,
            path: path, rawQuery: rawQuery, query: query, hasFragment: hasFragment, fragment: fragment)
    }

    private static let schemeCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789+.-".unicodeScalars)

    /// `host[:port]`, checked: a DNS name, an IPv4 address or a bracketed IPv6 address, and a port in range.
    func hostPort(example: String) throws(TargetError) -> String {
        let hostOK: Bool
        if host.hasPrefix("[") {
            hostOK =
                host.hasSuffix("]") && host.count > 2
                && host.dropFirst().dropLast().unicodeScalars.allSatisfy { Self.ipv6Characters.contains($0) }
        } else {
            hostOK =
                !host.isEmpty && host.unicodeScalars.allSatisfy { Self.hostCharacters.contains($0) }
                && !host.hasPrefix(".") && !host.hasPrefix("-")
        }
        guard hostOK else { throw TargetError("the target URL's host is missing or not valid", example: example) }
        guard let portText else { return host }
        guard let port = Int(portText), (1...65_535).contains(port), portText.allSatisfy(\.isASCII) else {
            throw TargetError("the target URL's port is not a number from 1 to 65535", example: example)
        }
        return "\(host):\(port)"
    }

    private static let hostCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_".unicodeScalars)
    private static let ipv6Characters = Set("0123456789abcdefABCDEF:.".unicodeScalars)

    /// Whether `text` can sit in a URL path or query as is: RFC 3986 unreserved characters, plus `extra`.
    static func isToken(_ text: String, extra: String = "") -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy { tokenCharacters.contains($0) || extra.unicodeScalars.contains($0) }
    }

    private static let tokenCharacters = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars)

    /// Apprise-style URLs take options only where Herald uses them; anything else is a mistake worth naming.
    func rejectOptions(except known: [String], kind: String, example: String) throws(TargetError) {
        for (key, _) in query where !known.contains(key.lowercased()) {
            let allowed =
                known.isEmpty ? "takes no options" : "takes only " + known.map { "?\($0)=" }.joined(separator: ", ")
            throw TargetError(
                "\(kind) URL option '\(Self.printable(key))' is not known; a \(kind) URL \(allowed)", example: example)
        }
        if hasFragment {
            throw TargetError("\(kind) URL has a '#' part; the webhook itself decides the channel", example: example)
        }
    }

    func option(_ name: String) -> String? { query.first { $0.0.lowercased() == name }?.1 }

    /// An option key as it may appear in an error: short, and only letters, digits and `_-`.
    private static func printable(_ key: String) -> String {
        let clean = key.unicodeScalars.filter { tokenCharacters.contains($0) }.prefix(20)
        return String(String.UnicodeScalarView(clean))
    }

    /// A URL Foundation accepts, from text built of checked parts.
    static func make(_ text: String, example: String) throws(TargetError) -> URL {
        guard let url = URL(string: text), url.host != nil else {
            throw TargetError("the target URL cannot be formed from these parts", example: example)
        }
        return url
    }
}
