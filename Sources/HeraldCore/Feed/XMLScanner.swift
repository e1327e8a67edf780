import Foundation

/// A non-validating XML tokenizer over UTF-8 bytes: start and end tags, text and CDATA, with comments,
/// processing instructions and the doctype consumed on the way.
///
/// Herald's own rather than libxml2 through `XMLParser` for three reasons: speed (no UTF-16 bridging,
/// text outside the elements Herald reads is skipped with `memchr`), control over entities (only the
/// internal subset is ever read, under an expansion budget; nothing external is fetched), and HTML
/// named entities, which feeds use constantly although XML does not define them. Well-formedness
/// errors that change what a document means (unbalanced tags, unterminated constructs, undefined
/// entities) are still errors, with the line they occur on.
struct XMLScanner {
    /// A start tag's attribute, as byte ranges of the document.
    struct Attribute {
        var name: Range<Int>
        /// The value between the quotes, references not yet decoded.
        var value: Range<Int>
    }

    enum Token {
        /// A start tag; its attributes are in `attributes` until the next call to `next()`.
        case start(name: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Character data, references not yet decoded.
        case text(Range<Int>)
        /// The content of a CDATA section: literal text.
        case cdata(Range<Int>)
    }

    /// Deeper nesting than this is no feed; the limit keeps hostile documents from growing the stack.
    static let maximumDepth = 1_000
    /// Far above what any element needs, low enough that checking for duplicates stays cheap.
    static let maximumAttributes = 256

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var attributes: [Attribute] = []
    private(set) var doctype = XMLDoctype()
    private var index = 0
    private var open: [Range<Int>] = []
    private var sawRoot = false
    /// Whether the document ended inside the root element's end tag (`</rss` without its '>').
    private(set) var endsInsideRootEndTag = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next token; nil at the end of a well-formed document.
    mutating func next() throws(FeedParseError) -> Token? {
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                index = find(UInt8(ascii: "<"), from: index) ?? count
                guard open.isEmpty else { return .text(start..<index) }
                if !isWhitespace(start..<index) {
                    throw error(
                        sawRoot ? "extra content after the document's root element" : "text before the root element",
                        at: start)
                }
                continue
            }
            guard index + 1 < count else { throw error("document ends prematurely inside a tag", at: index) }
            switch bytes[index + 1] {
            case UInt8(ascii: "/"):
                return try endTag()
            case UInt8(ascii: "?"):
                index = try after("?>", from: index + 2, what: "processing instruction")
            case UInt8(ascii: "!"):
                if matches("<!--", at: index) {
                    index = try after("-->", from: index + 4, what: "comment")
                } else if matches("<![CDATA[", at: index) {
                    guard !open.isEmpty else { throw error("CDATA section outside the root element", at: index) }
                    let start = index + 9
                    index = try after("]]>", from: start, what: "CDATA section")
                    return .cdata(start..<(index - 3))
                } else if matches("<!DOCTYPE", at: index), !sawRoot {
                    index = try doctype.read(bytes, from: index + 9)
                } else {
                    throw error("malformed markup declaration", at: index)
                }
            default:
                return try startTag()
            }
        }
        if let innermost = open.last {
            throw error("document ends prematurely: <\(string(innermost))> is never closed", at: count)
        }
        if !sawRoot { throw error("document has no root element", at: count) }
        return nil
    }

    /// The line (1-based) an offset falls on; counted only when an error needs it.
    static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for byte in bytes[..<min(offset, bytes.count)] where byte == 0x0A { line += 1 }
        return line
    }

    static func error(_ message: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> FeedParseError {
        FeedParseError(.malformed, "XML is malformed: " + message, line: line(at: offset, in: bytes))
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func error(_ message: String, at offset: Int) -> FeedParseError {
        Self.error(message, at: offset, in: bytes)
    }

    // MARK: Tags

    private mutating func startTag() throws(FeedParseError) -> Token {
        let tagStart = index
        if sawRoot && open.isEmpty { throw error("extra content after the document's root element", at: tagStart) }
        index += 1
        let name = try self.name(what: "element")
        attributes.removeAll(keepingCapacity: true)
        let count = bytes.count
        while true {
            let spaced = skipWhitespace()
            guard index < count else { throw error("document ends prematurely inside a tag", at: tagStart) }
            switch bytes[index] {
            case UInt8(ascii: ">"):
                index += 1
                return try opened(name, at: tagStart, selfClosing: false)
            case UInt8(ascii: "/"):
                guard index + 1 < count, bytes[index + 1] == UInt8(ascii: ">") else {
                    throw error("unfinished tag", at: index)
                }
                index += 2
                return try opened(name, at: tagStart, selfClosing: true)
            default:
                guard spaced else { throw error("whitespace expected between attributes", at: index) }
                try attribute()
            }
        }
    }

    private mutating func opened(_ name: Range<Int>, at offset: Int, selfClosing: Bool) throws(FeedParseError)
        -> Token
    {
        sawRoot = true
        if !selfClosing {
            guard open.count < Self.maximumDepth else {
                throw error("elements nested deeper than \(Self.maximumDepth) levels", at: offset)
            }
            open.append(name)
        }
        return .start(name: name, selfClosing: selfClosing)
    }

    private mutating func attribute() throws(FeedParseError) {
        let name = try self.name(what: "attribute")
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            throw error("'=' expected after an attribute name", at: index)
        }
        index += 1
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
            throw error("attribute value is not quoted", at: index)
        }
        let start = index + 1
        guard let end = find(bytes[index], from: start) else {
            throw error("unterminated attribute value", at: index)
        }
        if find(UInt8(ascii: "<"), from: start, to: end) != nil {
            throw error("'<' inside an attribute value", at: start)
        }
        index = end + 1
        guard attributes.count < Self.maximumAttributes else { throw error("too many attributes", at: start) }
        for other in attributes where equal(other.name, name) {
            throw error("attribute \(string(name)) given twice", at: start)
        }
        attributes.append(Attribute(name: name, value: start..<end))
    }

    private mutating func endTag() throws(FeedParseError) -> Token {
        let tagStart = index
        index += 2
        let name = try self.name(what: "element")
        skipWhitespace()
        if index == bytes.count, open.count == 1, equal(open[0], name) {
            // Cut just before the root's final '>': nothing of the feed is lost. Read it, noted.
            endsInsideRootEndTag = true
            open.removeLast()
            return .end(name: name)
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
            throw error("unfinished closing tag", at: index)
        }
        index += 1
        guard let innermost = open.last, equal(innermost, name) else {
            throw error("closing tag does not match the open element", at: tagStart)
        }
        open.removeLast()
        return .end(name: name)
    }

    /// A name: the first byte must be able to start one (a letter, '_', ':' or non-ASCII); the rest
    /// runs to the next delimiter.
    private mutating func name(what: String) throws(FeedParseError) -> Range<Int> {
        let start = index
        guard index < bytes.count, Self.canStartName(bytes[index]) else {
            throw error("\(what) name expected", at: index)
        }
        index += 1
        while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
        return start..<index
    }

    static func canStartName(_ byte: UInt8) -> Bool {
        let folded = byte | 0x20
        return (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<"),
            UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        default: false
        }
    }

    // MARK: Byte helpers

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    private func isWhitespace(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy(Self.isSpace)
    }

    private func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        return memcmp(bytes.baseAddress! + offset, literal.utf8Start, length) == 0
    }

    func find(_ byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset after the next `literal`; an error naming the construct when there is none.
    private func after(_ literal: StaticString, from start: Int, what: String) throws(FeedParseError) -> Int {
        let first = literal.utf8Start[0]
        var offset = start
        while let found = find(first, from: offset) {
            if matches(literal, at: found) { return found + literal.utf8CodeUnitCount }
            offset = found + 1
        }
        throw error("unterminated \(what)", at: start)
    }
}
