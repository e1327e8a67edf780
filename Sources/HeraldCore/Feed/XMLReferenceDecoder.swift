import Foundation

/// Decodes the references in XML character data and attribute values: the five XML entities,
/// character references, HTML named entities (undefined in XML but everywhere in feeds), and the
/// document's own internal entities.
///
/// Internal entities are where XML bombs live, so their expansion is metered: at most
/// `maximumNesting` levels deep and, across the whole document, no more output than a budget
/// proportional to the document's size. Exceeding either is an error rather than a truncated
/// result, since a document that does it is an attack or broken beyond use.
struct XMLReferenceDecoder {
    static let maximumNesting = 16

    private let doctype: XMLDoctype
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Bytes internal entities may still produce.
    private var budget: Int
    /// The first HTML entity met that XML does not define (the document relies on leniency).
    private(set) var htmlEntity: String?
    /// Whether a bare '&' (not starting a reference) was met.
    private(set) var sawBareAmpersand = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, doctype: XMLDoctype) {
        self.bytes = bytes
        self.doctype = doctype
        budget = Self.budget(forDocumentSize: bytes.count)
    }

    /// Bytes all internal entity expansions of a document may produce: generous for legitimate use
    /// (a few short entities used throughout), tiny next to a bomb.
    static func budget(forDocumentSize size: Int) -> Int {
        1 << 20 + 4 * size
    }

    /// Appends the text of `range`, references decoded, to `output`.
    mutating func append(_ range: Range<Int>, to output: inout [UInt8]) throws(FeedParseError) {
        // Fast path: most text has no references at all.
        guard let first = firstAmpersand(in: range) else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            return
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<first]))
        try decode(
            UnsafeBufferPointer(rebasing: bytes[first..<range.upperBound]), offset: first, depth: 0, into: &output)
    }

    private func firstAmpersand(in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress,
            let found = memchr(base + range.lowerBound, Int32(UInt8(ascii: "&")), range.count)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `offset` locates `text` in the document for error lines; inside an entity's replacement it is
    /// the location of the outermost reference.
    private mutating func decode(
        _ text: UnsafeBufferPointer<UInt8>, offset: Int, depth: Int, into output: inout [UInt8]
    ) throws(FeedParseError) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            guard byte == UInt8(ascii: "&") else {
                var end = count
                if index + 1 < count, let base = text.baseAddress,
                    let found = memchr(base + index + 1, Int32(UInt8(ascii: "&")), count - index - 1)
                {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<end]))
                try charge(end - index, depth: depth, at: offset)
                index = end
                continue
            }
            guard let reference = Self.reference(in: text, at: index) else {
                // A bare '&' (AT&T, "?a=1&b=2"): the commonest error in feeds, and unambiguous.
                sawBareAmpersand = true
                output.append(byte)
                try charge(1, depth: depth, at: offset)
                index += 1
                continue
            }
            let location = depth == 0 ? offset + index : offset
            switch reference.kind {
            case .character(let value):
                guard let decoded = Unicode.Scalar(value), value != 0 else {
                    throw XMLScanner.error("invalid character reference", at: location, in: bytes)
                }
                // References to C1 controls mean windows-1252 punctuation (as in HTML5).
                let scalar = TextRepair.windows1252(decoded)
                output.append(contentsOf: scalar.utf8)
                try charge(4, depth: depth, at: offset)
            case .named(let nameRange):
                try expand(UnsafeBufferPointer(rebasing: text[nameRange]), at: location, depth: depth, into: &output)
            }
            index = reference.end
        }
    }

    private mutating func expand(
        _ nameBytes: UnsafeBufferPointer<UInt8>, at location: Int, depth: Int, into output: inout [UInt8]
    ) throws(FeedParseError) {
        if nameBytes.count <= 4, let byte = Self.xmlEntity(nameBytes) {
            output.append(byte)
            try charge(1, depth: depth, at: location)
            return
        }
        let name = String(decoding: nameBytes, as: UTF8.self)
        if let replacement = doctype.entities[name] {
            guard depth < Self.maximumNesting else {
                throw XMLScanner.error("entity references nest too deeply (or loop)", at: location, in: bytes)
            }
            try replacement.withUnsafeBufferPointer { (text) throws(FeedParseError) in
                try decode(text, offset: location, depth: depth + 1, into: &output)
            }
        } else if let value = HTMLEntities.table[name], let scalar = Unicode.Scalar(value) {
            if htmlEntity == nil { htmlEntity = name }
            output.append(contentsOf: scalar.utf8)
            try charge(4, depth: depth, at: location)
        } else if doctype.externalEntities.contains(name) {
            // Its text is a file or URL that would have to be read: XXE. Herald never reads one, and
            // a document that needs it cannot be read faithfully.
            throw XMLScanner.error(
                "external entity &\(name); is not loaded (external entities are never fetched)", at: location,
                in: bytes)
        } else if doctype.isIncomplete {
            // Possibly declared in an external DTD that is never fetched: it stands for nothing.
        } else {
            throw XMLScanner.error("undefined entity &\(name);", at: location, in: bytes)
        }
    }

    /// Counts output produced inside an entity's expansion against the budget; text written in the
    /// document itself costs nothing, its size already paid for it.
    private mutating func charge(_ produced: Int, depth: Int, at location: Int) throws(FeedParseError) {
        guard depth > 0 else { return }
        budget -= produced
        guard budget >= 0 else {
            throw XMLScanner.error(
                "entities expand beyond the size limit (an entity bomb?)", at: location, in: bytes)
        }
    }

    private static func xmlEntity(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch (name.count, name[0]) {
        case (2, UInt8(ascii: "l")) where name[1] == UInt8(ascii: "t"): UInt8(ascii: "<")
        case (2, UInt8(ascii: "g")) where name[1] == UInt8(ascii: "t"): UInt8(ascii: ">")
        case (3, UInt8(ascii: "a")) where name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p"):
            UInt8(ascii: "&")
        case (4, UInt8(ascii: "q")) where Array(name) == Array("quot".utf8): UInt8(ascii: "\"")
        case (4, UInt8(ascii: "a")) where Array(name) == Array("apos".utf8): UInt8(ascii: "'")
        default: nil
        }
    }

    private struct Reference {
        enum Kind {
            case character(UInt32)
            case named(Range<Int>)
        }

        var kind: Kind
        /// Offset after the ';'.
        var end: Int
    }

    /// The reference starting at the '&' at `start`, or nil when it is not one (no ';' within a
    /// name's length, or no valid name or number).
    private static func reference(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Reference? {
        var index = start + 1
        let count = text.count
        guard index < count else { return nil }
        if text[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < count && (text[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < count, let digit = digitValue(text[index], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
                index += 1
            }
            guard index > digitsStart, index < count, text[index] == UInt8(ascii: ";") else { return nil }
            return Reference(kind: .character(value), end: index + 1)
        }
        guard XMLScanner.canStartName(text[index]) else { return nil }
        while index < count, index - start <= 64, isNameByte(text[index]) { index += 1 }
        guard index < count, text[index] == UInt8(ascii: ";") else { return nil }
        return Reference(kind: .named((start + 1)..<index), end: index + 1)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        XMLScanner.canStartName(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return UInt32(byte - UInt8(ascii: "0")) }
        let folded = byte | 0x20
        if hex && folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "f") {
            return UInt32(folded - UInt8(ascii: "a") + 10)
        }
        return nil
    }
}
