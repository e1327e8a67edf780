/// A text's tokens together with the separators before each, as `Tokenizer.scan` reads them.
struct ScannedText: Sendable {
    let tokens: [TextToken]
    /// `gaps[i]` describes what stands between `tokens[i - 1]` and `tokens[i]`; `gaps[0]` is what
    /// precedes the first token.
    let gaps: [TokenGap]
}

/// What separates two consecutive words: enough to tell a sentence or paragraph break and a
/// hyphenated name ("al-Shaibani") without keeping the separator text.
struct TokenGap: Sendable, Hashable {
    /// Scalars in the gap, saturating: only "exactly one" matters.
    private(set) var scalarCount: UInt8 = 0
    private(set) var lastIsHyphen = false
    private(set) var newlines: UInt8 = 0
    /// `!`, `?`, `؟`, `؛` or `…`: a sentence ends whatever word precedes it.
    private(set) var strongEnd = false
    private(set) var sawPeriod = false
    /// A `.` followed by white space (possibly after closing quotes): a sentence end unless the
    /// word before is an abbreviation ("U.S.", "Mr.").
    private(set) var periodThenSpace = false

    mutating func add(_ scalar: Unicode.Scalar) {
        if scalarCount < 255 { scalarCount += 1 }
        let value = scalar.value
        lastIsHyphen = value == 0x2D || (0x2010...0x2013).contains(value)
        switch value {
        case 0x0A, 0x2028:
            if newlines < 255 { newlines += 1 }
        case 0x2029:
            newlines = max(newlines, 2)
        case 0x21, 0x3F, 0x061F, 0x061B, 0x2026:
            strongEnd = true
        case 0x2E:
            sawPeriod = true
        default:
            if sawPeriod, scalar.properties.isWhitespace { periodThenSpace = true }
        }
    }

    /// The gap is a single hyphen: the words around it form one hyphenated name.
    var isHyphenJoin: Bool { scalarCount == 1 && lastIsHyphen }

    /// A blank line (or a paragraph separator) lies between the words.
    var isParagraphBreak: Bool { newlines >= 2 }
}
