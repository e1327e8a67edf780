/// Byte-level looks at an XML document before `XMLParser` sees it.
enum XMLPrescan {
    /// What the document's prolog says it is.
    enum Root: Equatable {
        /// An HTML doctype, or an `<html>` root element.
        case html
        /// The qualified name of the root element.
        case element(String)
        /// No root element: text before any markup, or nothing at all.
        case none
    }

    /// Finds the root element by skipping the declaration, comments, processing instructions and the
    /// doctype. Done on bytes because HTML pages are rarely well-formed enough for `XMLParser` to get
    /// this far, and "not a feed" is a more useful verdict for them than "malformed".
    static func root(_ bytes: [UInt8]) -> Root {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<"), index + 1 < count else { return .none }
            if matches(bytes, "<?", at: index) {
                index = after(bytes, "?>", from: index + 2)
            } else if matches(bytes, "<!--", at: index) {
                index = after(bytes, "-->", from: index + 4)
            } else if matchesIgnoringCase(bytes, "<!doctype", at: index) {
                var nameIndex = index + 9
                while nameIndex < count, bytes[nameIndex] == 0x20 || bytes[nameIndex] == 0x0A { nameIndex += 1 }
                // An HTML doctype before a feed's root (seen on feeds built from page templates) is
                // not enough: the root element decides.
                index = afterDoctype(bytes, from: nameIndex)
            } else if bytes[index + 1] == UInt8(ascii: "!") {
                index = after(bytes, ">", from: index + 2)
            } else {
                var end = index + 1
                while end < count, !isNameEnd(bytes[end]) { end += 1 }
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                let local = name.split(separator: ":").last.map(String.init) ?? name
                return local.lowercased() == "html" ? .html : .element(name)
            }
        }
        return .none
    }

    /// The document with HTML named entities (`&nbsp;`, `&eacute;`...) replaced by numeric references
    /// and bare '&'s escaped. Both are undefined in XML, fatal to `XMLParser`, and among the most common
    /// errors in real feeds; neither rewrite can change the meaning of a well-formed document.
    static func repairingReferences(_ bytes: [UInt8]) -> [UInt8] {
        // Fast path: most documents only use the five XML entities and never need a copy.
        guard needsRepair(bytes) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                // CDATA sections and comments hold literal text: leave them byte for byte.
                var end = index + 1
                if matches(bytes, "<![CDATA[", at: index) {
                    end = after(bytes, "]]>", from: index + 9)
                } else if matches(bytes, "<!--", at: index) {
                    end = after(bytes, "-->", from: index + 4)
                }
                output.append(contentsOf: bytes[index..<end])
                index = end
            } else if byte == UInt8(ascii: "&") {
                index = repairReference(bytes, at: index, into: &output)
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    private static func needsRepair(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while let found = bytes[index...].firstIndex(of: UInt8(ascii: "&")) {
            let (kind, end) = reference(bytes, at: found)
            switch kind {
            case .numeric: break
            case .named(let name) where xmlEntities.contains(name): break
            default: return true
            }
            index = max(end, found + 1)
        }
        return false
    }

    private enum Reference {
        case numeric
        case named(String)
        case bare
    }

    /// Classifies the reference at an '&' and returns the index after it.
    private static func reference(_ bytes: [UInt8], at start: Int) -> (Reference, Int) {
        var index = start + 1
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            let digitsStart = index
            while index < count, isDigit(bytes[index], hex: hex) { index += 1 }
            guard index > digitsStart, index < count, bytes[index] == UInt8(ascii: ";") else {
                return (.bare, start + 1)
            }
            return (.numeric, index + 1)
        }
        while index < count, index - start <= 40, !isNameEnd(bytes[index]), bytes[index] != UInt8(ascii: ";") {
            index += 1
        }
        guard index > start + 1, index < count, bytes[index] == UInt8(ascii: ";") else { return (.bare, start + 1) }
        return (.named(String(decoding: bytes[(start + 1)..<index], as: UTF8.self)), index + 1)
    }

    private static func repairReference(_ bytes: [UInt8], at start: Int, into output: inout [UInt8]) -> Int {
        let (kind, end) = reference(bytes, at: start)
        switch kind {
        case .named(let name) where !xmlEntities.contains(name):
            if let value = HTMLEntities.table[name] {
                output.append(contentsOf: Array("&#\(value);".utf8))
            } else {
                // Unknown names may be declared in the document's DTD; XMLParser decides.
                output.append(contentsOf: bytes[start..<end])
            }
        case .bare:
            output.append(contentsOf: Array("&amp;".utf8))
        default:
            output.append(contentsOf: bytes[start..<end])
        }
        return end
    }

    // MARK: Byte helpers

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (byte >= 0x30 && byte <= 0x39)
            || (hex && (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
    }

    private static func matches(_ bytes: [UInt8], _ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[index + offset] != literal.utf8Start[offset] { return false }
        return true
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], _ lowercase: StaticString, at index: Int) -> Bool {
        let length = lowercase.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length {
            let byte = bytes[index + offset]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != lowercase.utf8Start[offset] { return false }
        }
        return true
    }

    /// The index after the next occurrence of `literal`, or the end when there is none.
    private static func after(_ bytes: [UInt8], _ literal: StaticString, from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if matches(bytes, literal, at: index) { return index + literal.utf8CodeUnitCount }
            index += 1
        }
        return bytes.count
    }

    /// The index after a doctype's closing '>', skipping an internal subset in brackets.
    private static func afterDoctype(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var inSubset = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["): inSubset = true
            case UInt8(ascii: "]"): inSubset = false
            case UInt8(ascii: ">") where !inSubset: return index + 1
            default: break
            }
            index += 1
        }
        return bytes.count
    }
}
