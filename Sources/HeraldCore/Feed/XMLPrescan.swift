/// A byte-level look at an XML document before the scanner reads it.
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
    /// doctype. Done on bytes because HTML pages are rarely well-formed enough for an XML parser to get
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
