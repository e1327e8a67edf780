import Foundation

/// Turns the bytes of a fetched feed into a `ParsedFeed`, whatever its format.
///
/// The format is sniffed from the content rather than trusted from the `Content-Type`, which
/// publishers get wrong as often as right; the header only contributes its `charset`. Every input,
/// however broken or hostile, ends in a `ParsedFeed` or a `FeedParseError` whose message a user
/// can act on.
public enum FeedParser {
    /// Parses an RSS, RDF, Atom or JSON Feed document.
    /// - Parameters:
    ///   - data: the document's bytes, as received.
    ///   - contentType: the HTTP `Content-Type`, for its `charset` parameter.
    ///   - url: where the document came from, the base for relative links.
    ///   - contentLanguage: the HTTP `Content-Language`, the feed's language when the document names none.
    public static func parse(
        _ data: Data, contentType: String? = nil, url: URL? = nil, contentLanguage: String? = nil
    ) throws(FeedParseError) -> ParsedFeed {
        var feed = try parseDocument(data, contentType: contentType, url: url)
        if feed.language == nil, let language = contentLanguage.flatMap(primaryLanguage) {
            feed.language = language
            for index in feed.items.indices where feed.items[index].language == nil {
                feed.items[index].language = language
            }
        }
        return feed
    }

    /// The first tag of a `Content-Language` list ("en, fr" → "en").
    private static func primaryLanguage(_ header: String) -> String? {
        let first = header.split(separator: ",").first.map { $0.trimmingWhitespace() } ?? ""
        return first.isEmpty ? nil : first
    }

    private static func parseDocument(_ data: Data, contentType: String?, url: URL?) throws(FeedParseError)
        -> ParsedFeed
    {
        switch sniff(data) {
        case .empty:
            throw FeedParseError(.notAFeed, "document is empty")
        case .json:
            return try JSONFeedParser.parse(data.starts(with: utf8BOM) ? data.dropFirst(3) : data, url: url)
        case .xml:
            return try XMLFeedParser.parse(data, contentType: contentType, url: url)
        case .other:
            if contentType?.lowercased().contains("json") == true {
                return try JSONFeedParser.parse(data, url: url)
            }
            throw FeedParseError(.notAFeed, "document is neither XML nor JSON")
        }
    }

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    private enum Syntax {
        case empty
        case json
        case xml
        case other
    }

    /// Looks at the first significant byte: '{' or '[' is JSON, '<' (in any byte order) is XML.
    private static func sniff(_ data: Data) -> Syntax {
        let head = [UInt8](data.prefix(4096))
        // UTF-16 and UTF-32 byte-order marks or "<" patterns: only XML feeds come in those encodings.
        let patterns: [[UInt8]] = [
            [0xFF, 0xFE], [0xFE, 0xFF], [0x3C, 0x00], [0x00, 0x3C], [0x00, 0x00, 0xFE, 0xFF], [0x00, 0x00, 0x00, 0x3C],
            // EBCDIC "<?xm".
            [0x4C, 0x6F, 0xA7, 0x94],
        ]
        for pattern in patterns
        where head.starts(with: pattern) {
            return .xml
        }
        var index = head.starts(with: utf8BOM) ? 3 : 0
        while index < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) { index += 1 }
        guard index < head.count else {
            // Only whitespace in the first 4 KiB: empty if that is all there is.
            return data.count <= head.count ? .empty : .other
        }
        switch head[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"): return .xml
        default: return .other
        }
    }
}
