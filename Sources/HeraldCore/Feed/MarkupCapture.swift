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

    /// `buffer` is an empty array whose capacity may be reused (see `recycledBuffer`).
    init(field: FeedField, kind: FeedTextKind, buffer: [UInt8] = []) {
        self.field = field
        self.kind = kind
        self.buffer = buffer
    }

    /// The buffer, emptied but keeping its capacity, for the next capture: a description grows its
    /// buffer a dozen times, and feeds have thousands of them.
    mutating func recycledBuffer() -> [UInt8] {
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// The collected text, with C1 controls and double-encoded UTF-8 repaired (`TextRepair`).
    var text: String { TextRepair.repaired(buffer) }

    /// Elements HTML writes without an end tag.
    private static func isVoid(_ name: String) -> Bool {
        switch name {
        case "br", "img", "hr", "area", "base", "col", "embed", "input", "link", "meta", "source", "track", "wbr": true
        default: false
        }
    }

    /// Whether decoded character data goes into the buffer as it is (anything but XHTML).
    var takesTextAsIs: Bool { kind != .xhtml }

    /// Lets `body` append decoded character data straight to the buffer (when `takesTextAsIs`).
    mutating func appendText(_ body: (inout [UInt8]) throws(FeedParseError) -> Void) throws(FeedParseError) {
        try body(&buffer)
    }

    /// Decoded character data.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        // XHTML text nodes are real text; in escaped HTML the text already is markup.
        guard kind == .xhtml else {
            buffer.append(contentsOf: text)
            return
        }
        Self.appendEscaped(text, to: &buffer, quotes: false)
    }

    /// `text` with '&', '<', '>' (and '"' when `quotes`) escaped; runs without them copied whole.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8], quotes: Bool) {
        var start = 0
        for index in 0..<text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            default: continue
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            buffer.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            start = index + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<text.count]))
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
        let ordered = attributes.count > 1 ? attributes.sorted(by: { $0.name < $1.name }) : attributes
        for attribute in ordered {
            buffer.append(UInt8(ascii: " "))
            buffer.append(contentsOf: attribute.name.utf8)
            buffer.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\"")])
            var value = attribute.value
            value.withUTF8 { Self.appendEscaped($0, to: &buffer, quotes: true) }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(UInt8(ascii: ">"))
    }

    mutating func endElement(_ name: String) {
        defer { depth -= 1 }
        if depth == wrapperDepth { return }
        guard kind != .text, kind != .escapedText, !Self.isVoid(name) else { return }
        buffer.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")])
        buffer.append(contentsOf: name.utf8)
        buffer.append(UInt8(ascii: ">"))
    }
}
