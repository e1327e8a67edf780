/// Collects the content of one feed element, child elements included.
///
/// Child elements matter for Atom XHTML content (kept as HTML) and for RSS descriptions whose
/// HTML was not escaped (a common error that XML parsers read as elements): both are written back
/// out as markup so no text is lost.
struct MarkupCapture {
    let field: FeedField
    let kind: FeedTextKind
    private(set) var buffer = ""
    private(set) var depth = 0
    private var wrapperDepth: Int?

    init(field: FeedField, kind: FeedTextKind) {
        self.field = field
        self.kind = kind
    }

    /// Elements HTML writes without an end tag.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    mutating func characters(_ text: String) {
        // XHTML text nodes are real text; in escaped HTML the text already is markup.
        buffer += kind == .xhtml ? HTMLText.escape(text) : text
    }

    mutating func startElement(_ name: String, namespace: String, attributes: [String: String]) {
        depth += 1
        // Atom requires XHTML content to sit in one <div>, which is not part of the content.
        if kind == .xhtml, depth == 1, wrapperDepth == nil, name == "div", namespace == XMLNamespace.xhtml,
            buffer.allSatisfy(\.isWhitespace)
        {
            wrapperDepth = 1
            buffer = ""
            return
        }
        guard kind != .text, kind != .escapedText else { return }
        buffer += "<" + name
        for key in attributes.keys.sorted() {
            buffer += " \(key)=\"\(HTMLText.escape(attributes[key] ?? "", quotes: true))\""
        }
        buffer += ">"
    }

    mutating func endElement(_ name: String) {
        defer { depth -= 1 }
        if depth == wrapperDepth { return }
        guard kind != .text, kind != .escapedText, !Self.voidElements.contains(name) else { return }
        buffer += "</\(name)>"
    }
}
