import Foundation

/// Decides the text encoding of an XML feed and transcodes it to UTF-8 for `XMLParser`.
///
/// Precedence follows RFC 7303: a byte-order mark wins, then the HTTP `charset` parameter, then the
/// XML declaration's `encoding`, then UTF-8. Decoding happens here rather than in libxml2 so that the
/// HTTP header is honoured and the legacy Arabic charsets work whatever libxml2 was built with.
enum FeedCharset {
    /// The document as UTF-8 without BOM, its XML declaration (if any) rewritten to say UTF-8.
    static func utf8Document(_ data: Data, contentType: String?) throws(FeedParseError) -> [UInt8] {
        var bytes = [UInt8](data)
        let detected = detect(bytes, contentType: contentType)
        bytes.removeFirst(detected.bomLength)
        bytes = try transcode(bytes, charset: detected.charset, declared: detected.declared)
        return rewriteDeclaration(bytes)
    }

    struct Detection {
        /// A name iconv understands, or "UTF-8".
        var charset: String
        var bomLength = 0
        /// False when UTF-8 is only the default, not something the publisher said.
        var declared = true
    }

    static func detect(_ bytes: [UInt8], contentType: String?) -> Detection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(charset: "UTF-8", bomLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return Detection(charset: "UTF-32LE", bomLength: 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return Detection(charset: "UTF-32BE", bomLength: 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(charset: "UTF-16LE", bomLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(charset: "UTF-16BE", bomLength: 2) }
        // Without a BOM, "<?" in UTF-16 still betrays the byte order (XML 1.0 appendix F).
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return Detection(charset: "UTF-16LE") }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return Detection(charset: "UTF-16BE") }

        let label = contentType.flatMap(charsetParameter) ?? declaredEncoding(bytes)
        guard let label, !label.isEmpty else { return Detection(charset: "UTF-8", declared: false) }
        // The bytes are ASCII-compatible (no UTF-16 pattern above), so a UTF-16/32 label is a lie.
        if label.hasPrefix("utf-16") || label.hasPrefix("utf-32") || label.hasPrefix("ucs-") {
            return Detection(charset: "UTF-8", declared: false)
        }
        return Detection(charset: canonicalName(label))
    }

    /// The `charset` parameter of a MIME type such as `text/xml; charset="windows-1256"`, lower-cased.
    static func charsetParameter(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
            else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
        }
        return nil
    }

    /// The `encoding` pseudo-attribute of a leading `<?xml ...?>` declaration, lower-cased.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let declaration = xmlDeclaration(bytes) else { return nil }
        let text = String(decoding: bytes[declaration], as: UTF8.self)
        guard let key = text.range(of: "encoding") else { return nil }
        var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The byte range of the XML declaration, `?>` included. Whitespace before it is tolerated (though
    /// XML forbids it) because scripts that emit a blank line before the declaration are common.
    static func xmlDeclaration(_ bytes: [UInt8]) -> Range<Int>? {
        // Declarations are short; looking further would let a missing "?>" scan a huge document.
        let limit = min(bytes.count, 1024)
        var start = 0
        while start < limit, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)), start + 5 < limit,
            [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5])
        else { return nil }
        var index = start + 5
        while index + 1 < limit {
            if bytes[index] == UInt8(ascii: "?") && bytes[index + 1] == UInt8(ascii: ">") {
                return start..<(index + 2)
            }
            index += 1
        }
        return nil
    }

    /// The iconv name for a charset label; labels iconv already knows pass through.
    static func canonicalName(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        // US-ASCII is a strict subset of UTF-8; reading it as UTF-8 loses nothing.
        case "us-ascii", "ascii", "ansi_x3.4-1968": return "UTF-8"
        // Browsers read every Latin-1 label as windows-1252 (WHATWG Encoding), and feeds labelled
        // ISO-8859-1 really do contain 0x80-0x9F curly quotes.
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819": return "WINDOWS-1252"
        case "cp1256", "windows-1256", "x-cp1256": return "WINDOWS-1256"
        case "iso-8859-6", "iso8859-6", "iso_8859-6", "arabic", "asmo-708", "ecma-114": return "ISO-8859-6"
        default: return label.uppercased()
        }
    }

    private static func transcode(_ bytes: [UInt8], charset: String, declared: Bool) throws(FeedParseError)
        -> [UInt8]
    {
        if charset == "UTF-8" {
            if isValidUTF8(bytes) { return bytes }
            // Undeclared non-UTF-8 bytes are nearly always a Western legacy charset; what browsers guess.
            if !declared, let latin = try? IConv.toUTF8(bytes, from: "WINDOWS-1252") { return latin }
            throw FeedParseError(.undecodable, "document is not valid UTF-8")
        }
        do {
            return try IConv.toUTF8(bytes, from: charset)
        } catch {
            switch error {
            case .unsupportedCharset:
                throw FeedParseError(.undecodable, "unsupported charset \"\(charset.lowercased())\"")
            case .invalidInput:
                // windows-1252 leaves five bytes unassigned; true ISO-8859-1 assigns them all.
                if charset == "WINDOWS-1252", let latin = try? IConv.toUTF8(bytes, from: "ISO-8859-1") {
                    return latin
                }
                throw FeedParseError(.undecodable, "document is not valid \(charset.lowercased())")
            }
        }
    }

    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// Replaces the XML declaration by one saying UTF-8 at the very start of the document. Newlines
    /// inside or before the old one follow the new one, so XMLParser's line numbers stay true.
    private static func rewriteDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        guard let declaration = xmlDeclaration(bytes) else { return bytes }
        let text = String(decoding: bytes[declaration], as: UTF8.self)
        let version = text.contains("version=\"1.1\"") || text.contains("version='1.1'") ? "1.1" : "1.0"
        let newlines = bytes[..<declaration.upperBound].filter { $0 == 0x0A }.count
        var rewritten = Array("<?xml version=\"\(version)\" encoding=\"UTF-8\"?>".utf8)
        rewritten.append(contentsOf: repeatElement(0x0A, count: newlines))
        rewritten.append(contentsOf: bytes[declaration.upperBound...])
        return rewritten
    }
}
