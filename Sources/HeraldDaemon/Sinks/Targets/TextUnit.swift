/// How a service counts the length of a text. Each chat service documents its limits in its own unit, and a
/// limit met in the wrong unit is not met: 2,000 of Discord's units is fewer bytes than 2,000 UTF-8 bytes.
enum TextUnit: Sendable {
    /// UTF-8 bytes (ntfy, Google Chat, Gotify).
    case utf8
    /// UTF-16 code units: JavaScript's `length`, and the unit of Telegram's entity offsets.
    case utf16
    /// Unicode scalars: Go's runes (Mattermost) and Python's `len`.
    case scalars
    /// UTF-8 bytes once written inside a JSON string by `JSONValue`: the unit of whole-payload limits.
    case jsonBytes

    func count(_ text: some StringProtocol) -> Int {
        switch self {
        case .utf8: text.utf8.count
        case .utf16: text.utf16.count
        case .scalars: text.unicodeScalars.count
        case .jsonBytes: text.unicodeScalars.reduce(0) { $0 + JSONValue.escapedSize($1) }
        }
    }
}
