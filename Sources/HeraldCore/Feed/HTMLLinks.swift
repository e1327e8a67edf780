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
    ///
    /// Most feed HTML has only absolute links, so the attributes are first only looked at; the text
    /// is rebuilt, splicing in the resolved values, only when one of them changes.
    static func resolvingRelativeURLs(_ html: String, against base: URL?) -> String {
        guard let base, html.utf8.contains(UInt8(ascii: "=")) else { return html }
        var copy = html
        let edits = copy.withUTF8 { bytes in relativeURLValues(bytes, base: base) }
        guard !edits.isEmpty else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(html.utf8.count + 64 * edits.count)
        copy.withUTF8 { bytes in
            var done = 0
            for edit in edits {
                output.append(contentsOf: bytes[done..<edit.span.lowerBound])
                output.append(edit.quote)
                output.append(contentsOf: edit.value.utf8)
                output.append(edit.quote)
                done = edit.span.upperBound
            }
            output.append(contentsOf: bytes[done...])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A resolved value to write over `span` (the value with its quotes, if any).
    private struct Edit {
        var span: Range<Int>
        var quote: UInt8
        var value: String
    }

    /// Walks the start tags' attributes and returns, in text order, the URL attributes whose value
    /// resolves to something else.
    private static func relativeURLValues(_ bytes: UnsafeBufferPointer<UInt8>, base: URL) -> [Edit] {
        var edits: [Edit] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            // A start tag: '<' then a letter.
            guard byte == UInt8(ascii: "<"), index < count, isLetter(bytes[index]) else { continue }
            // Skip the element name.
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            // Attributes until '>'.
            while index < count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                let nameStart = index
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                    bytes[index] != UInt8(ascii: ">")
                {
                    index += 1
                }
                let name = bytes[nameStart..<index]
                var probe = index
                while probe < count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < count, bytes[probe] == UInt8(ascii: "=") else { continue }
                index = probe + 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                guard index < count else { break }
                let spanStart = index
                let quote = bytes[index]
                let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
                if quoted { index += 1 }
                let valueStart = index
                while index < count,
                    quoted ? bytes[index] != quote : !isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ">")
                {
                    index += 1
                }
                let valueEnd = index
                if quoted && index < count { index += 1 }
                guard isURLAttribute(name) else { continue }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                guard let resolved = resolve(value, against: base) else { continue }
                let delimiter = quoted ? quote : UInt8(ascii: "\"")
                edits.append(
                    Edit(
                        span: spanStart..<index, quote: delimiter,
                        value: delimiter == UInt8(ascii: "\"")
                            ? resolved.replacingOccurrences(of: "\"", with: "&quot;") : resolved))
            }
        }
        return edits
    }

    /// Whether an attribute name is one of `urlAttributes`, compared on ASCII bytes, case-blind.
    private static func isURLAttribute(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard (3...9).contains(name.count) else { return false }
        return urlAttributeBytes.contains { candidate in
            candidate.count == name.count
                && zip(candidate, name).allSatisfy { $0 == $1 | (($1 >= 0x41 && $1 <= 0x5A) ? 0x20 : 0) }
        }
    }

    private static let urlAttributeBytes: [[UInt8]] = urlAttributes.map { Array($0.utf8) }

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
