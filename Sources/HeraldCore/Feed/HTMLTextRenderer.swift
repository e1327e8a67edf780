/// The single pass behind `HTMLText`: walks UTF-8 bytes, skipping markup and decoding entities.
///
/// Indexes are plain integers into a buffer rather than `String.Index`, and runs of ordinary text
/// are copied in one go, so the cost is linear in the input whatever its shape.
struct HTMLTextRenderer {
    struct Options {
        enum Breaks {
            /// Block elements and `<br>` break lines; source newlines are just whitespace.
            case html
            /// Blank lines in the source separate paragraphs (plain text).
            case blankLines
            /// Everything on one line.
            case none
        }

        var markup: Bool
        var entities: Bool = true
        var breaks: Breaks
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let options: Options
    private var writer: TextWriter

    init(_ input: UnsafeBufferPointer<UInt8>, options: Options) {
        self.input = input
        self.options = options
        writer = TextWriter(capacity: input.count)
    }

    mutating func run() -> String {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "<") && options.markup {
                index = tag(at: index)
            } else if byte == UInt8(ascii: "&") && options.entities {
                index = entity(at: index)
            } else if Self.isSpace(byte) {
                index = whitespace(at: index)
            } else if byte < 0x20 || byte == 0x7F {
                // Control characters are noise in text meant for matching and display.
                index += 1
            } else if byte == 0xC2 && index + 1 < count && input[index + 1] == 0xA0 {
                writer.space()
                index += 2
            } else {
                // A run of ordinary text, single spaces between words included: they print as they
                // are, and cutting the run at each word would cost a call per word.
                let end = runEnd(from: index)
                writer.append(input[index..<end])
                index = end
            }
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The end of the run of ordinary text whose first byte is at `start`: the first special byte,
    /// except that a single space followed by an ordinary byte belongs to the run.
    private func runEnd(from start: Int) -> Int {
        let count = input.count
        var end = start + 1
        if let base = input.baseAddress {
            // Eight bytes at a time (SWAR) while the word and the byte after it hold no special byte
            // but spaces, and no two spaces in a row: one branch per word instead of several a byte.
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
            while end + 9 <= count {
                let word = raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)
                let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
                let spaces = word ^ (ones &* 0x20)
                // A zero byte here is a space followed by a space within the word.
                let doubleSpace = hasZero(spaces | (spaces >> 8) | (0xFF << 56))
                if belowSpace || doubleSpace || hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x3C))
                    || hasZero(word ^ (ones &* 0x7F)) || hasZero(word ^ (ones &* 0xC2))
                {
                    break
                }
                let after = input[end + 8]
                // The word's last byte is a space: it belongs to the run only before an ordinary byte.
                if isSpecial(after) && (after != 0x20 || word >> 56 == 0x20) { break }
                end += 8
            }
        }
        // The exact end, byte by byte.
        while end < count {
            let next = input[end]
            if !isSpecial(next) {
                end += 1
            } else if next == 0x20 && end + 1 < count && !isSpecial(input[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Bytes that end a run of ordinary text: controls and space (0x00–0x20), '&', '<', DEL, and
    /// 0xC2 (which may start a no-break space). Below 0x40 a bit mask answers in one test.
    @inline(__always)
    private func isSpecial(_ byte: UInt8) -> Bool {
        if byte < 0x40 {
            let mask: UInt64 = (1 << 33) - 1 | 1 << 0x26 | 1 << 0x3C
            return (mask >> UInt64(byte)) & 1 != 0
        }
        return byte == 0x7F || byte == 0xC2
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    // MARK: Whitespace

    private mutating func whitespace(at start: Int) -> Int {
        var index = start
        var newlines = 0
        while index < input.count && Self.isSpace(input[index]) {
            if input[index] == 0x0A { newlines += 1 }
            index += 1
        }
        if options.breaks == .blankLines && newlines >= 2 {
            writer.paragraphBreak()
        } else {
            writer.space()
        }
        return index
    }

    // MARK: Tags

    /// Handles the markup starting at a '<' and returns the index just past it.
    private mutating func tag(at start: Int) -> Int {
        let next = start + 1 < input.count ? input[start + 1] : 0
        if Self.isLetter(next) {
            return startTag(at: start)
        }
        if next == UInt8(ascii: "/") && start + 2 < input.count && Self.isLetter(input[start + 2]) {
            let (name, nameEnd) = tagName(from: start + 2)
            if let kind = Self.elementKind(name) { apply(kind) }
            return endOfTag(from: nameEnd)
        }
        if next == UInt8(ascii: "!") && matches("<!--", at: start) {
            return find("-->", from: start + 4).map { $0 + 3 } ?? input.count
        }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || next == UInt8(ascii: "/") {
            // Doctypes, processing instructions and bogus comments: HTML drops them up to the next '>'.
            return (find(">", from: start + 2) ?? input.count - 1) + 1
        }
        // A '<' that opens nothing ("a < b") is text.
        writer.append(input[start..<start + 1])
        return start + 1
    }

    private mutating func startTag(at start: Int) -> Int {
        let (name, nameEnd) = tagName(from: start + 1)
        let end = endOfTag(from: nameEnd)
        if name == TagName.script || name == TagName.style || name == TagName.template || name == TagName.noscript {
            // Their content is code or fallback markup, never article text.
            let closing = Array("</".utf8) + name.bytes
            guard let close = findCaseInsensitive(closing, from: end) else { return input.count }
            return endOfTag(from: close + closing.count)
        }
        if let kind = Self.elementKind(name) { apply(kind) }
        return end
    }

    private mutating func apply(_ kind: ElementKind) {
        switch (kind, options.breaks) {
        case (_, .none), (.cell, _):
            writer.space()
        case (.lineBreak, _):
            writer.lineBreak()
        case (.block, _):
            writer.paragraphBreak()
        }
    }

    /// The lower-cased tag name starting at `start` (as a `TagName`), and the index after it.
    private func tagName(from start: Int) -> (TagName, Int) {
        var packed: UInt64 = 0
        var length = 0
        var index = start
        while index < input.count {
            let byte = input[index]
            guard Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":") else { break }
            if length < 8 { packed |= UInt64(Self.lowercased(byte)) << (8 * UInt64(length)) }
            length += 1
            index += 1
        }
        // Longer names than the table's longest cannot match any of them.
        return (TagName(packed: length <= 10 ? packed : 0, length: length), index)
    }

    /// The index just past the '>' closing a tag, skipping quoted attribute values. An unterminated
    /// tag swallows the rest of the input, as in browsers; an unterminated quote is retried unquoted.
    private func endOfTag(from start: Int) -> Int {
        var quote: UInt8 = 0
        var index = start
        while index < input.count {
            let byte = input[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            }
            index += 1
        }
        guard quote != 0, let close = find(">", from: start) else { return input.count }
        return close + 1
    }

    // MARK: Entities

    /// Decodes the reference starting at '&' and returns the index after it; an '&' that starts no
    /// known reference is kept as text.
    private mutating func entity(at start: Int) -> Int {
        var index = start + 1
        if index < input.count && input[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < input.count && (input[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            var value: UInt32 = 0
            while index < input.count, let digit = Self.digitValue(input[index], hex: hex) {
                // Saturate instead of overflowing: anything past U+10FFFF is invalid anyway.
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
                index += 1
            }
            guard index > digitsStart else { return literalAmpersand(start) }
            if index < input.count && input[index] == UInt8(ascii: ";") { index += 1 }
            writer.append(scalar: Self.numericReference(value))
            return index
        }
        while index < input.count && index - start <= 32 && Self.isAlphanumeric(input[index]) { index += 1 }
        guard index > start + 1 else { return literalAmpersand(start) }
        let name = String(decoding: input[(start + 1)..<index], as: UTF8.self)
        if index < input.count && input[index] == UInt8(ascii: ";"), let value = HTMLEntities.table[name] {
            writer.append(scalar: value)
            return index + 1
        }
        if HTMLEntities.legacyWithoutSemicolon.contains(name), let value = HTMLEntities.table[name] {
            writer.append(scalar: value)
            return index
        }
        return literalAmpersand(start)
    }

    private mutating func literalAmpersand(_ start: Int) -> Int {
        writer.append(input[start..<start + 1])
        return start + 1
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// HTML's rules for numeric references: C1 codes mean windows-1252, invalid values U+FFFD.
    private static func numericReference(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x80...0x9F: return HTMLEntities.windows1252C1[Int(value - 0x80)]
        case 0, 0xD800...0xDFFF, 0x11_0000...: return 0xFFFD
        default: return value
        }
    }

    // MARK: Searching

    private func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= input.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where input[index + offset] != pointer[offset] { return false }
        return true
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        var index = start
        while index < input.count {
            if matches(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// `needle` (lower-case ASCII) at or after `start`, ignoring the case of the input.
    private func findCaseInsensitive(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= input.count {
            var offset = 0
            while offset < needle.count && Self.lowercased(input[index + offset]) == needle[offset] { offset += 1 }
            if offset == needle.count { return index }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    // MARK: Element table

    enum ElementKind {
        case block
        case lineBreak
        case cell
    }

    /// Integer compares rather than hashing: tag names are packed into their first eight bytes and
    /// their length.
    private static func elementKind(_ name: TagName) -> ElementKind? {
        for (candidate, kind) in elementTable where candidate == name { return kind }
        return nil
    }

    private static let elementTable: [(TagName, ElementKind)] = {
        var table: [(TagName, ElementKind)] = [
            (TagName("br"), .lineBreak), (TagName("td"), .cell), (TagName("th"), .cell),
        ]
        // The commonest first: the table is searched in order.
        let blocks = [
            "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "dl", "dt",
            "dd", "section", "article", "header", "footer", "aside", "nav", "main", "pre", "hr", "figure",
            "figcaption", "address", "details", "summary", "form", "fieldset", "body", "html", "caption", "center",
        ]
        for name in blocks { table.append((TagName(name), .block)) }
        return table
    }()
}

/// A lower-cased tag name as its first eight bytes and its length: equal names compare equal (names
/// of the same first eight bytes and length differ only past the table's longest, ten bytes).
struct TagName: Equatable {
    var packed: UInt64
    var length: Int

    init(packed: UInt64, length: Int) {
        self.packed = packed
        self.length = length
    }

    init(_ name: StaticString) {
        var packed: UInt64 = 0
        let count = name.utf8CodeUnitCount
        for index in 0..<min(count, 8) { packed |= UInt64(name.utf8Start[index]) << (8 * UInt64(index)) }
        self.init(packed: packed, length: count)
    }

    init(_ name: String) {
        var packed: UInt64 = 0
        for (index, byte) in name.utf8.prefix(8).enumerated() { packed |= UInt64(byte) << (8 * UInt64(index)) }
        self.init(packed: packed, length: name.utf8.count)
    }

    static let script = TagName("script" as StaticString)
    static let style = TagName("style" as StaticString)
    static let template = TagName("template" as StaticString)
    static let noscript = TagName("noscript" as StaticString)

    /// The packed bytes (the first eight of the name).
    var bytes: [UInt8] {
        (0..<min(length, 8)).map { UInt8(truncatingIfNeeded: packed >> (8 * UInt64($0))) }
    }
}
