/// One word of a text: its folded spelling and where it stands in the original text.
public struct TextToken: Sendable, Hashable {
    /// The word as `TextFolding.fold` spells it ("Al" → "al", "الشَّيْبَانِي" → "الشيباني").
    public let text: String
    /// UTF-16 offsets into the original (unfolded) string. UTF-16 because the offsets fall out of
    /// the scan for free, convert in O(1) on native strings and are what JSON/JavaScript consumers
    /// of a snippet use.
    ///
    /// In the rare case where folding splits one run of letters into several words ("½" → "1⁄2"),
    /// every piece carries the whole run's range.
    public let range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }

    /// The token's range as string indices of `original`, the string it was taken from.
    public func range(in original: String) -> Range<String.Index> {
        let start = String.Index(utf16Offset: range.lowerBound, in: original)
        let end = String.Index(utf16Offset: range.upperBound, in: original)
        return start..<end
    }
}

/// Splits text into folded word tokens.
///
/// A word is a run of letters, digits and combining marks; everything else separates words,
/// apostrophes and hyphens included, so "al-Shaibani" is `al`, `shaibani` and "Israel's" is
/// `israel`, `s`. Invisible format characters (soft hyphen, ZWNJ, bidi marks) neither split nor
/// start a word, and folding drops them.
///
/// One pass over the scalars: the common ones (ASCII, accented Latin, Arabic) are folded as they
/// are read, and only a word holding anything else is re-folded as a whole with `TextFolding.fold`.
public enum Tokenizer {
    /// The words of `text`, in order.
    public static func tokens(in text: String) -> [TextToken] {
        scan(text).tokens
    }

    /// The words of `text` and what separates each from the one before it, in one pass: sentence and
    /// paragraph numbers and hyphen joins are derived from the separators without reading the text
    /// again.
    static func scan(_ text: String) -> ScannedText {
        var tokens: [TextToken] = []
        var gaps: [TokenGap] = []
        var gap = TokenGap()
        let scalars = text.unicodeScalars
        var buffer: [UInt8] = []  // UTF-8 of the current word's folded scalars, while all are inert
        var offset = 0  // UTF-16 offset of the scalar being read
        var runStart: String.Index?  // where the current word started, if in one
        var runStartOffset = 0
        var runEnd = scalars.startIndex  // just past the word's last non-format scalar
        var runEndOffset = 0
        var runIsInert = true

        func finishRun() {
            guard let start = runStart else { return }
            let range = runStartOffset..<runEndOffset
            if runIsInert {
                // The inert folds of word scalars are word scalars, or nothing (tatweel, harakat).
                if !buffer.isEmpty {
                    tokens.append(TextToken(text: String(decoding: buffer, as: UTF8.self), range: range))
                    gaps.append(gap)
                    gap = TokenGap()
                }
            } else {
                let folded = TextFolding.fold(String(scalars[start..<runEnd]))
                for piece in folded.unicodeScalars.split(whereSeparator: { !isWordScalar($0) }) {
                    tokens.append(TextToken(text: String(String.UnicodeScalarView(piece)), range: range))
                    gaps.append(gap)
                    gap = TokenGap()
                }
            }
            runStart = nil
        }

        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let width = scalar.value > 0xFFFF ? 2 : 1
            switch classify(scalar) {
            case .word:
                if runStart == nil {
                    runStart = index
                    runStartOffset = offset
                    runIsInert = true
                    buffer.removeAll(keepingCapacity: true)
                }
                if runIsInert {
                    if TextFolding.isInert(scalar) {
                        TextFolding.appendInert(scalar, to: &buffer)
                    } else {
                        runIsInert = false
                    }
                }
                scalars.formIndex(after: &index)
                runEnd = index
                runEndOffset = offset + width
            case .format:
                scalars.formIndex(after: &index)
            case .separator:
                finishRun()
                gap.add(scalar)
                scalars.formIndex(after: &index)
            }
            offset += width
        }
        finishRun()
        return ScannedText(tokens: tokens, gaps: gaps)
    }

    enum ScalarClass {
        case word, format, separator
    }

    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            return isASCIIAlphanumeric(value) ? .word : .separator
        }
        // Latin, Greek, Cyrillic, Hebrew and Arabic (most feed text) from a table the slow path
        // fills: Unicode property look-ups dominated the analysis of Arabic text.
        if value < 0x800 { return twoByteClasses[Int(value - 0x80)] }
        return classifySlowly(scalar)
    }

    static let twoByteClasses: [ScalarClass] = (UInt32(0x80)..<0x800).map { value in
        Unicode.Scalar(value).map(classifySlowly) ?? .separator
    }

    static func classifySlowly(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            return isASCIIAlphanumeric(value) ? .word : .separator
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            // U+02BC is a "letter" by category but an apostrophe by use; folding makes it `'`.
            return value == 0x02BC ? .separator : .word
        case .format:
            // A zero-width space is a word break (Thai, Khmer); other format characters are not.
            return value == 0x200B ? .separator : .format
        default:
            return .separator
        }
    }

    /// Word scalars of already folded text.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        classify(scalar) == .word
    }

    static func isASCIIAlphanumeric(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}
