/// Collects the content of one feed element, child elements included, as UTF-8.
///
/// Child elements matter for Atom XHTML content (kept as HTML) and for RSS descriptions whose
/// HTML was not escaped (a common error that XML parsers read as elements): both are written back
/// out as markup so no text is lost.
struct MarkupCapture {
    let field: FeedField
    let kind: FeedTextKind
    private(set) var buffer: [UInt8] = []
    private(set) var depth = 0
    private var wrapperDepth: Int?

    init(field: FeedField, kind: FeedTextKind) {
        self.field = field
        self.kind = kind
    }

    /// The collected text, with C1 controls and double-encoded UTF-8 repaired (`TextRepair`).
    var text: String { TextRepair.repaired(buffer) }

    /// Elements HTML writes without an end tag.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Decoded character data.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        // XHTML text nodes are real text; in escaped HTML the text already is markup.
        guard kind == .xhtml else {
            buffer.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
            case UInt8(ascii: "<"): buffer.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
            case UInt8(ascii: ">"): buffer.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
            default: buffer.append(byte)
            }
        }
    }

    mutating func startElement(_ name: String, namespace: String, attributes: [(name: String, value: String)]) {
        depth += 1
        // Atom requires XHTML content to sit in one <div>, which is not part of the content.
        if kind == .xhtml, depth == 1, wrapperDepth == nil, name == "div", namespace == XMLNamespace.xhtml,
            buffer.allSatisfy(XMLScanner.isSpace)
        {
            wrapperDepth = 1
            buffer = []
            return
        }
        guard kind != .text, kind != .escapedText else { return }
        buffer.append(UInt8(ascii: "<"))
        buffer.append(contentsOf: name.utf8)
        for attribute in attributes.sorted(by: { $0.name < $1.name }) {
            buffer.append(contentsOf: " \(attribute.name)=\"\(HTMLText.escape(attribute.value, quotes: true))\"".utf8)
        }
        buffer.append(UInt8(ascii: ">"))
    }

    mutating func endElement(_ name: String) {
        defer { depth -= 1 }
        if depth == wrapperDepth { return }
        guard kind != .text, kind != .escapedText, !Self.voidElements.contains(name) else { return }
        buffer.append(contentsOf: "</\(name)>".utf8)
    }
}
