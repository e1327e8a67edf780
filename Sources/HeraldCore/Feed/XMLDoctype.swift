/// What Herald keeps of a document type declaration: the internal subset's general entities.
///
/// Nothing external is ever read: an entity declared with `SYSTEM` or `PUBLIC` expands to nothing,
/// so a document cannot make the parser open files or URLs (XXE). Expansion itself is bounded by
/// `XMLReferenceDecoder`'s budget (billion laughs, quadratic blowup).
struct XMLDoctype {
    /// Internal general entities: name to replacement text (undecoded; references in it are
    /// expanded when the entity is).
    private(set) var entities: [String: [UInt8]] = [:]
    /// External general entities, which expand to nothing.
    private(set) var externalEntities: Set<String> = []
    /// Whether declarations may exist that were not read (an external subset or parameter entity),
    /// in which case an undefined entity reference is not an error, just unknown.
    private(set) var isIncomplete = false
    /// External parameter entities: referencing one is an error (never fetched).
    private(set) var externalParameterEntities: Set<String> = []
    /// The first literal of the external ID (the public identifier, if there is one).
    private(set) var externalID: String?

    /// Reads the declaration from just after `<!DOCTYPE`; returns the offset after its `>`.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(FeedParseError) -> Int {
        var index = start
        let count = bytes.count
        func fail(_ message: String) -> FeedParseError {
            XMLScanner.error("malformed DOCTYPE: " + message, at: index, in: bytes)
        }
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: ">"):
                return index + 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // The external ID's literals; the subset they name is never fetched.
                isIncomplete = true
                guard let end = skipQuoted(bytes, at: index) else { throw fail("unterminated literal") }
                if externalID == nil {
                    externalID = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(end - 1)]), as: UTF8.self)
                }
                index = end
            case UInt8(ascii: "["):
                index = try internalSubset(bytes, from: index + 1)
                try checkExpansion(bytes, at: start)
            default:
                index += 1
            }
        }
        throw fail("no closing '>'")
    }

    private mutating func internalSubset(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(FeedParseError)
        -> Int
    {
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "]") { return index + 1 }
            if XMLScanner.isSpace(byte) {
                index += 1
            } else if has(bytes, "<!--", at: index) {
                index = try after(bytes, "-->", from: index + 4)
            } else if has(bytes, "<!ENTITY", at: index) {
                index = try entity(bytes, from: index + 8)
            } else if byte == UInt8(ascii: "<") {
                // ELEMENT, ATTLIST, NOTATION, processing instructions: nothing a feed reader needs.
                index = try declarationEnd(bytes, from: index + 1)
            } else if byte == UInt8(ascii: "%") {
                // A parameter entity reference pulls declarations from elsewhere. One declared
                // external would need a fetch, which Herald never makes: the document is refused
                // rather than read with declarations missing.
                let end = try after(bytes, ";", from: index + 1)
                let name = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(end - 1)]), as: UTF8.self)
                if externalParameterEntities.contains(name) {
                    throw XMLScanner.error(
                        "external parameter entity %\(name); is not loaded (external entities are never fetched)",
                        at: index, in: bytes)
                }
                isIncomplete = true
                index = end
            } else {
                throw XMLScanner.error("malformed DOCTYPE internal subset", at: index, in: bytes)
            }
        }
        throw XMLScanner.error("unterminated DOCTYPE internal subset", at: start, in: bytes)
    }

    /// `<!ENTITY [%] name ("value" | SYSTEM "uri" | PUBLIC "id" "uri") ...>`, from after `<!ENTITY`.
    private mutating func entity(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(FeedParseError) -> Int {
        var index = start
        func skipSpace() { while index < bytes.count, XMLScanner.isSpace(bytes[index]) { index += 1 } }
        skipSpace()
        var isParameter = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "%") {
            isParameter = true
            index += 1
            skipSpace()
        }
        let nameStart = index
        while index < bytes.count, !XMLScanner.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        skipSpace()
        guard !name.isEmpty, index < bytes.count else {
            throw XMLScanner.error("malformed entity declaration", at: start, in: bytes)
        }
        let isLiteral = bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
        if isParameter {
            // Parameter entities only matter to further declarations, which Herald does not read.
            if !isLiteral {
                isIncomplete = true
                // The W3C's HTML entity sets (Latin 1, symbols, special) are what Herald knows built
                // in; anything else would have to be fetched.
                if !Self.isW3CEntitySet(bytes, from: index) { externalParameterEntities.insert(name) }
            }
        } else if isLiteral {
            guard let end = skipQuoted(bytes, at: index) else {
                throw XMLScanner.error("unterminated entity value", at: index, in: bytes)
            }
            // The first declaration binds (XML 1.0 §4.2).
            if entities[name] == nil && !externalEntities.contains(name) {
                entities[name] = Array(bytes[(index + 1)..<(end - 1)])
            }
            index = end
        } else if entities[name] == nil {
            externalEntities.insert(name)
        }
        return try declarationEnd(bytes, from: index)
    }

    /// Whether the external ID starting at `start` (`PUBLIC "-//W3C//ENTITIES ...//EN" "..."`) names
    /// one of the W3C's HTML entity sets.
    private static func isW3CEntitySet(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "\"") {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
        let end = min(bytes.count, index + 80)
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        return literal.hasPrefix("\"-//W3C//ENTITIES ")
    }

    /// Refuses entities that reference themselves (directly or not) or whose full expansion would
    /// exceed `XMLReferenceDecoder`'s budget, wherever they are used, before any is expanded. A
    /// billion-laughs document fails here in microseconds instead of wherever its first use is.
    private func checkExpansion(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws(FeedParseError) {
        let limit = XMLReferenceDecoder.budget(forDocumentSize: bytes.count)
        // Expanded size and nesting height of each entity, memoised.
        var known: [String: (size: Int, height: Int)] = [:]
        var visiting: Set<String> = []
        func measure(_ name: String, depth: Int) throws(FeedParseError) -> (size: Int, height: Int) {
            if let measured = known[name] { return measured }
            guard let text = entities[name] else { return (0, 0) }
            guard depth < XMLReferenceDecoder.maximumNesting, visiting.insert(name).inserted else {
                throw XMLScanner.error("entity &\(name); refers to itself or nests too deeply", at: offset, in: bytes)
            }
            defer { visiting.remove(name) }
            var total = 0
            var height = 1
            var index = 0
            while index < text.count {
                if text[index] == UInt8(ascii: "&"), index + 1 < text.count, text[index + 1] != UInt8(ascii: "#"),
                    let semicolon = text[(index + 1)...].firstIndex(of: UInt8(ascii: ";"))
                {
                    let reference = String(decoding: text[(index + 1)..<semicolon], as: UTF8.self)
                    let inner = try measure(reference, depth: depth + 1)
                    total += inner.size
                    height = max(height, inner.height + 1)
                    index = semicolon + 1
                } else {
                    total += 1
                    index += 1
                }
                if total > limit {
                    throw XMLScanner.error(
                        "entity &\(name); would expand beyond the size limit (an entity bomb?)", at: offset, in: bytes)
                }
            }
            guard height <= XMLReferenceDecoder.maximumNesting else {
                throw XMLScanner.error("entity &\(name); refers to itself or nests too deeply", at: offset, in: bytes)
            }
            known[name] = (total, height)
            return (total, height)
        }
        for name in entities.keys { _ = try measure(name, depth: 0) }
    }

    /// The offset after the `>` closing a declaration, quoted literals skipped.
    private func declarationEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(FeedParseError) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ">"): return index + 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let end = skipQuoted(bytes, at: index) else { break }
                index = end
            default: index += 1
            }
        }
        throw XMLScanner.error("unterminated declaration in DOCTYPE", at: start, in: bytes)
    }

    /// The offset after the literal whose opening quote is at `start`; nil when it is not closed.
    private func skipQuoted(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == quote { return index + 1 }
            index += 1
        }
        return nil
    }

    private func has(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, at offset: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        for position in 0..<length where bytes[offset + position] != literal.utf8Start[position] { return false }
        return true
    }

    private func after(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from start: Int)
        throws(FeedParseError) -> Int
    {
        var index = start
        while index < bytes.count {
            if has(bytes, literal, at: index) { return index + literal.utf8CodeUnitCount }
            index += 1
        }
        throw XMLScanner.error("unterminated declaration in DOCTYPE", at: start, in: bytes)
    }
}
