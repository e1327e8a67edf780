import Foundation

/// Decides the text encoding of an XML feed and transcodes it to UTF-8 for the scanner.
///
/// Precedence follows RFC 7303: a byte-order mark wins, then the HTTP `charset` parameter, then the
/// XML declaration's `encoding`, then UTF-8. Decoding goes through iconv (and Herald's own tables for
/// the few charsets glibc lacks), so the legacy Arabic charsets work everywhere.
enum FeedCharset {
    /// A document decoded to UTF-8, with what decided its charset.
    struct Decoded {
        /// UTF-8 without BOM; the XML declaration is left as written (the scanner skips it).
        var bytes: [UInt8]
        /// The charset as labelled, lower-cased ("utf-8", "windows-1256", "utf-16le").
        var label: String
        var reason: EncodingReason
        /// Labels that were ignored or contradicted, for `ParsedFeed.problems`.
        var problems: [String] = []
    }

    /// Decides the charset (RFC 7303 §3: BOM, then the HTTP charset, then the XML declaration, then
    /// UTF-8) and decodes the document.
    static func decode(_ data: Data, contentType: String?) throws(FeedParseError) -> Decoded {
        var bytes = [UInt8](data)
        let detected = detect(bytes, contentType: contentType)
        if detected.bomLength > 0 { bytes.removeFirst(detected.bomLength) }
        var problems = contentTypeProblems(contentType, bytes: bytes)
        let (decoded, fellBack) = try transcode(bytes, charset: detected.charset, declared: detected.declared)
        var label = detected.label
        var reason = detected.reason
        if fellBack {
            problems.append("the bytes are not valid \(label): read as windows-1252")
            label = "windows-1252"
            reason = .fallbackWindows1252
        }
        // GB2312 and GBK labels are decoded as their superset, and reported as it.
        if detected.charset == "GB18030" { label = "gb18030" }
        // The XML declaration is left as written: Herald's scanner skips it, whatever it says.
        return Decoded(bytes: decoded, label: label, reason: reason, problems: problems)
    }

    /// Faults in how the document was served: as plain text, or as a text/* type with non-ASCII
    /// bytes and no charset (which RFC 3023 readers take for US-ASCII, so they disagree on the text).
    private static func contentTypeProblems(_ contentType: String?, bytes: [UInt8]) -> [String] {
        guard let contentType else { return [] }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        if mediaType == "text/plain" || mediaType == "text/html" {
            return ["served as \(mediaType), not as an XML type"]
        }
        if mediaType.hasPrefix("text/"), charsetParameter(contentType) == nil, bytes.contains(where: { $0 >= 0x80 }) {
            return ["served as \(mediaType) without a charset but contains non-ASCII bytes"]
        }
        return []
    }

    struct Detection {
        /// A name iconv understands, or "UTF-8".
        var charset: String
        var bomLength = 0
        /// False when UTF-8 is only the default, not something the publisher said.
        var declared = true
        /// The label as the publisher wrote it (lower-cased), or the charset the bytes betray.
        var label = "utf-8"
        var reason = EncodingReason.defaultUTF8
    }

    static func detect(_ bytes: [UInt8], contentType: String?) -> Detection {
        func bom(_ charset: String, _ length: Int) -> Detection {
            Detection(charset: charset, bomLength: length, label: charset.lowercased(), reason: .byteOrderMark)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return bom("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return bom("UTF-32LE", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return bom("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return bom("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return bom("UTF-16BE", 2) }
        // Without a BOM, "<?" in UTF-16 or UTF-32 still betrays the byte order (XML 1.0 appendix F).
        if bytes.starts(with: [0x3C, 0x00, 0x00, 0x00]) { return bom("UTF-32LE", 0) }
        if bytes.starts(with: [0x00, 0x00, 0x00, 0x3C]) { return bom("UTF-32BE", 0) }
        if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) { return bom("UTF-16LE", 0) }
        if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) { return bom("UTF-16BE", 0) }
        // EBCDIC "<?xm": the declaration inside says which EBCDIC page.
        if bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            let label = ebcdicDeclaredEncoding(bytes) ?? "cp037"
            return Detection(charset: canonicalName(label), label: label, reason: .xmlDeclaration)
        }

        var label: String?
        var reason = EncodingReason.defaultUTF8
        if let http = contentType.flatMap(charsetParameter), !http.isEmpty {
            (label, reason) = (http, .httpContentType)
        } else if let declared = declaredEncoding(bytes), !declared.isEmpty {
            (label, reason) = (declared, .xmlDeclaration)
        }
        guard let label else { return Detection(charset: "UTF-8", declared: false) }
        // The bytes are ASCII-compatible (no UTF-16 pattern above), so a UTF-16/32 label is a lie.
        if label.hasPrefix("utf-16") || label.hasPrefix("utf-32") || label.hasPrefix("ucs-") || label == "utf16" {
            return Detection(charset: "UTF-8", declared: false)
        }
        return Detection(charset: canonicalName(label), label: label, reason: reason)
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

    /// The iconv name for a charset label; labels iconv already knows pass through. Python's codec
    /// names (which feedparser-era feeds use) are accepted with '_' or '-'.
    static func canonicalName(_ label: String) -> String {
        let label = label.lowercased().replacingOccurrences(of: "_", with: "-")
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        // US-ASCII is a strict subset of UTF-8; reading it as UTF-8 loses nothing.
        case "us-ascii", "ascii", "ansi-x3.4-1968", "iso646-us": return "UTF-8"
        // Browsers read every Latin-1 label as windows-1252 (WHATWG Encoding), and feeds labelled
        // ISO-8859-1 really do contain 0x80-0x9F curly quotes.
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819": return "WINDOWS-1252"
        case "cp1256", "windows-1256", "x-cp1256": return "WINDOWS-1256"
        case "iso-8859-6", "iso8859-6", "arabic", "asmo-708", "ecma-114": return "ISO-8859-6"
        case "cp-is", "csibm861": return "CP861"
        case "ibm039": return "CP037"
        case "maccentraleurope", "maclatin2", "mac-latin2": return "MAC-CENTRALEUROPE"
        case "macroman", "mac-roman", "x-mac-roman": return "MACINTOSH"
        case "maciceland", "mac-iceland": return "MAC-IS"
        case "x-sjis", "sjis", "ms-kanji": return "SHIFT_JIS"
        case "x-euc-jp": return "EUC-JP"
        // WHATWG: every GB label is read with the GB18030 decoder, a superset of GB2312 and GBK.
        case "gb2312", "x-gbk", "gbk", "csgb2312", "chinese": return "GB18030"
        default: return label.uppercased()
        }
    }

    /// The `encoding` of an XML declaration written in EBCDIC (code page 037 is enough to read it).
    private static func ebcdicDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let head = try? IConv.toUTF8(Array(bytes.prefix(128)), from: "CP037") else { return nil }
        let cut = head.firstIndex(of: UInt8(ascii: ">")).map { Array(head[...$0]) } ?? head
        return declaredEncoding(cut)
    }

    /// The bytes in UTF-8, and whether they had to be read as windows-1252 instead of `charset`.
    private static func transcode(_ bytes: [UInt8], charset: String, declared: Bool) throws(FeedParseError)
        -> ([UInt8], Bool)
    {
        if charset == "UTF-8" {
            if isValidUTF8(bytes) { return (bytes, false) }
            // Undeclared non-UTF-8 bytes are nearly always a Western legacy charset; what browsers guess.
            if !declared, let latin = try? IConv.toUTF8(bytes, from: "WINDOWS-1252") { return (latin, true) }
            throw FeedParseError(.undecodable, "document is not valid UTF-8")
        }
        if let table = SingleByteCharsets.table(charset) {
            return (SingleByteCharsets.toUTF8(bytes, table: table), false)
        }
        do {
            return (try IConv.toUTF8(bytes, from: charset), false)
        } catch {
            switch error {
            case .unsupportedCharset:
                throw FeedParseError(.undecodable, "unsupported charset \"\(charset.lowercased())\"")
            case .invalidInput:
                // windows-1252 leaves five bytes unassigned; true ISO-8859-1 assigns them all.
                if charset == "WINDOWS-1252", let latin = try? IConv.toUTF8(bytes, from: "ISO-8859-1") {
                    return (latin, false)
                }
                throw FeedParseError(.undecodable, "document is not valid \(charset.lowercased())")
            }
        }
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    /// Hand-written: the standard library's check builds a String the size of the document.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                // Eight ASCII bytes at a time.
                if index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: (length, lower) = (3, 0xA0)
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: (length, upper) = (3, 0x9F)
                case 0xF0: (length, lower) = (4, 0x90)
                case 0xF1...0xF3: length = 4
                case 0xF4: (length, upper) = (4, 0x8F)
                default: return false
                }
                guard index + length <= count else { return false }
                let second = buffer[index + 1]
                guard second >= lower, second <= upper else { return false }
                for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }
}
