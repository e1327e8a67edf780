/// What decided the charset a feed document was decoded from, in order of precedence (RFC 7303).
public enum EncodingReason: String, Sendable, Hashable, Codable {
    /// A byte-order mark, or UTF-16/32 byte patterns where a BOM would be.
    case byteOrderMark = "BOM"
    /// The `charset` parameter of the HTTP `Content-Type`.
    case httpContentType = "HTTP Content-Type"
    /// The `encoding` of the `<?xml ...?>` declaration.
    case xmlDeclaration = "XML declaration"
    /// Nothing was declared and the bytes are valid UTF-8.
    case defaultUTF8 = "default UTF-8"
    /// Nothing was declared (or the declaration lied) and the bytes are not UTF-8: read as windows-1252.
    case fallbackWindows1252 = "fallback windows-1252"
}
