import Foundation

/// Makes the relative links inside a feed's HTML absolute (`href`, `src` and the like), against the
/// `xml:base` or document URL in effect, so that the HTML still works once shown outside the
/// publisher's site (in an alert, a chat message, an email).
enum HTMLLinks {
    /// Attributes whose value is a URL.
    private static let urlAttributes: Set<String> = [
        "href", "src", "poster", "cite", "background", "longdesc", "usemap", "action", "data", "codebase",
    ]

    /// `html` with relative URL attributes resolved against `base`; unchanged without a base.
    static func resolvingRelativeURLs(_ html: String, against base: URL?) -> String {
        guard let base, html.utf8.contains(UInt8(ascii: "=")) else { return html }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        var changed = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            output.append(byte)
            index += 1
            // A start tag: '<' then a letter.
            guard byte == UInt8(ascii: "<"), index < count, isLetter(bytes[index]) else { continue }
            // Skip the element name.
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                output.append(bytes[index])
                index += 1
            }
            // Attributes until '>'.
            while index < count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    output.append(bytes[index])
                    index += 1
                    continue
                }
                let nameStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                    bytes[index] != UInt8(ascii: ">")
                {
                    index += 1
                }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
                output.append(contentsOf: bytes[nameStart..<index])
                var probe = index
                while probe < count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < count, bytes[probe] == UInt8(ascii: "=") else { continue }
                output.append(contentsOf: bytes[index...probe])
                index = probe + 1
                while index < count, isSpace(bytes[index]) {
                    output.append(bytes[index])
                    index += 1
                }
                guard index < count else { break }
                let quote = bytes[index]
                let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
                if quoted { index += 1 }
                let valueStart = index
                while index < count,
                    quoted ? bytes[index] != quote : !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">")
                {
                    index += 1
                }
                let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                if quoted && index < count { index += 1 }
                var written = value
                if urlAttributes.contains(name), let resolved = resolve(value, against: base) {
                    written = resolved
                    changed = true
                }
                let delimiter = quoted ? quote : UInt8(ascii: "\"")
                output.append(delimiter)
                output.append(
                    contentsOf: delimiter == UInt8(ascii: "\"")
                        ? Array(written.replacingOccurrences(of: "\"", with: "&quot;").utf8) : Array(written.utf8))
                output.append(delimiter)
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : html
    }

    /// The absolute form of a relative reference; nil when it is absolute, a fragment or empty.
    private static func resolve(_ value: String, against base: URL) -> String? {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !FeedURL.hasScheme(trimmed) else { return nil }
        // References are written HTML-escaped ("a?b=1&amp;c=2"); resolve the text they stand for.
        let unescaped = trimmed.contains("&") ? HTMLText.decodedLine(trimmed) : trimmed
        guard let url = URL(string: unescaped, relativeTo: base)?.absoluteURL else { return nil }
        return HTMLText.escape(url.absoluteString, quotes: true)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
