import Foundation

/// Folds text to the one spelling rules are matched in, so that a rule written one way matches
/// the many ways feeds write the same word ("Chaïbani"/"chaibani", "إسرائيل"/"إِسْرائِيل").
///
/// In order:
/// - compatibility normalisation (NFKC: "ﬁ" → "fi", full-width "Ｐａｒｉｓ" → "paris", "ﻻ" → "لا");
/// - case folding: lower-casing plus the folds lower-casing misses ("ß" → "ss", final "ς" → "σ");
/// - Latin-script diacritics removed ("é" → "e", "ç" → "c", "İ" → "i"), and the few letters whose
///   stroke is not a combining mark ("ø" → "o", "ł" → "l", "đ" → "d", "ħ" → "h", "ı" → "i") plus
///   the ligatures "æ" → "ae", "œ" → "oe";
/// - curly quotes and guillemets → `'` / `"`, Unicode dashes and the minus sign → `-`;
/// - invisible format characters (soft hyphen, ZWJ/ZWNJ, bidi marks) removed;
/// - any decimal digit (Arabic-Indic "٢٠٢٦", Persian "۲۰۲۶") → ASCII;
/// - Arabic: alef variants (أ إ آ ٱ) → ا, alef maqsura ى → ي, ta marbuta ة → ه, tatweel ـ and
///   harakat (U+064B–U+065F, U+0670) removed; Persian yeh ی → ي and keheh ک → ك, because
///   Arabic typed on Persian keyboards uses them.
///
/// Hamza carriers ؤ and ئ are kept: they are letters of their own in NFKC, and folding them would
/// merge distinct words.
///
/// Foundation's `folding(options:)` is not used: on Linux it neither applies NFKC nor touches
/// Arabic, so the Arabic part is done here on Unicode scalars. Text made only of ASCII, accented
/// Latin letters, common Arabic letters and common punctuation (most feed text) skips Foundation's
/// normalisation entirely: it is folded scalar by scalar.
public enum TextFolding {
    /// Returns `s` folded as described on the type.
    public static func fold(_ s: String) -> String {
        guard s.unicodeScalars.allSatisfy(isInert) else { return foldNormalizing(s) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars { appendInert(scalar, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The general path: NFKD, then the script-independent folds, then NFC, then the Arabic folds.
    ///
    /// Arabic comes after recomposition because NFKD splits "أ" into "ا" + hamza above (U+0654),
    /// which is in the harakat range: removing it there would also turn "ؤ" into "و".
    static func foldNormalizing(_ s: String) -> String {
        var latin = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCompatibilityMapping.unicodeScalars {
            appendGeneral(scalar, to: &latin)
        }
        var out = String.UnicodeScalarView()
        for scalar in String(latin).precomposedStringWithCanonicalMapping.unicodeScalars {
            appendArabic(scalar, to: &out)
        }
        return String(out)
    }

    /// Whether `appendInert` alone folds `scalar` exactly as the normalising path would, whatever
    /// inert scalars surround it: it needs no NFKD/NFC beyond what `appendInert` knows, and composes
    /// with none of its neighbours. Deliberately short explicit lists: anything else takes the
    /// normalising path, which is always right.
    @inline(__always)
    static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80:
            return true
        case 0xC0...0x24F:
            return latinFolds[Int(scalar.value - 0xC0)] != nil
        case 0x0610...0x061A, 0x0653...0x0655, 0x0675...0x0678, 0x06D6...0x06ED:
            // Marks that compose with a preceding letter (hamza, madda: "و" + U+0654 is "ؤ"),
            // compatibility letters, and Quranic marks whose order NFC may change. Precomposed
            // letters such as "أ" are fine: NFKD splits them and NFC rejoins them.
            return false
        case 0x0600...0x06FF:
            return true
        case 0x00AB, 0x00BB, 0x2010, 0x2012...0x2015, 0x2018...0x201F, 0x2039, 0x203A, 0x2212,
            0x200C...0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }

    /// Appends the UTF-8 of the fold of a scalar that `isInert` accepted: ASCII, accented Latin
    /// letters, most of the Arabic block, common punctuation and bidi controls. Bytes rather than
    /// scalars because the tokenizer builds many short strings and this is its hot loop.
    @inline(__always)
    static func appendInert(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append((0x41...0x5A).contains(value) ? UInt8(value) | 0x20 : UInt8(value))
        } else if (0xC0...0x24F).contains(value), let folded = latinFolds[Int(value - 0xC0)] {
            bytes.append(contentsOf: folded)
        } else if let folded = foldedPunctuation(value) {
            bytes.append(UInt8(folded.value))
        } else if (0x200C...0x200F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
        {
            return
        } else if let digit = arabicDigit(value) {
            bytes.append(UInt8(digit.value))
        } else if let folded = foldedArabic(scalar) {
            UTF8.encode(folded) { bytes.append($0) }
        }
    }

    /// UTF-8 folds of U+00C0–U+024F (accented Latin letters, "é" → "e", "ß" → "ss"), computed once
    /// by the normalising path itself so the two paths cannot disagree. Nil where the fold is not
    /// all letters ("×", "ŉ" → "'n"): those stay on the normalising path.
    static let latinFolds: [[UInt8]?] = (UInt32(0xC0)...0x24F).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let folded = foldNormalizing(String(Character(scalar)))
        guard !folded.isEmpty, folded.unicodeScalars.allSatisfy(\.properties.isAlphabetic) else { return nil }
        return Array(folded.utf8)
    }

    /// The script-independent folds, on NFKD text: case, Latin marks, punctuation, digits.
    static func appendGeneral(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            out.append(asciiLowercased(scalar))
            return
        }
        if let folded = foldedPunctuation(value) {
            out.append(folded)
            return
        }
        if isLatinMark(value) { return }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint { return }
        if properties.generalCategory == .decimalNumber, let digit = properties.numericValue,
            let ascii = Unicode.Scalar(0x30 + UInt32(digit))
        {
            out.append(ascii)
            return
        }
        if properties.changesWhenLowercased {
            // Lower-casing can yield a mark ("İ" → "i" + U+0307) or a stroke letter ("Ø" → "ø").
            for lower in properties.lowercaseMapping.unicodeScalars where !isLatinMark(lower.value) {
                appendLowercase(lower, to: &out)
            }
            return
        }
        appendLowercase(scalar, to: &out)
    }

    /// Folds a scalar that is already lower-case: the case folds and letter replacements that
    /// lower-casing and NFKD leave undone.
    static func appendLowercase(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        switch scalar.value {
        case 0x00DF: out.append(contentsOf: "ss".unicodeScalars)  // ß (and ẞ, which lower-cases to it)
        case 0x03C2: out.append("\u{03C3}")  // final sigma folds to σ
        case 0x00E6: out.append(contentsOf: "ae".unicodeScalars)
        case 0x0153: out.append(contentsOf: "oe".unicodeScalars)
        case 0x00F8: out.append("o")
        case 0x0111: out.append("d")
        case 0x0127: out.append("h")
        case 0x0131: out.append("i")
        case 0x0142: out.append("l")
        default: out.append(scalar)
        }
    }

    /// The Arabic folds, on NFC text. Other scalars pass through.
    static func appendArabic(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        if let folded = foldedArabic(scalar) { out.append(folded) }
    }

    /// One scalar's Arabic fold: a scalar, or nil for one that is removed.
    static func foldedArabic(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: "\u{0627}"  // alef variants → ا
        case 0x0649, 0x06CC: "\u{064A}"  // alef maqsura ى, Persian yeh ی → ي
        case 0x06A9: "\u{0643}"  // keheh ک → ك
        case 0x0629: "\u{0647}"  // ta marbuta ة → ه
        case 0x0640, 0x064B...0x065F, 0x0670: nil  // tatweel, harakat, superscript alef
        default: scalar
        }
    }

    static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
    }

    /// Combining marks that are diacritics on Latin (and Greek/Cyrillic) letters. Marks of other
    /// scripts are kept: there they are often vowels, not accents.
    static func isLatinMark(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value) || (0x1DC0...0x1DFF).contains(value)
            || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value)
    }

    /// Quotes, guillemets and dashes as their ASCII stand-ins; nil for anything else.
    static func foldedPunctuation(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x2018...0x201B, 0x2032, 0x2039, 0x203A, 0x02BC: "'"
        case 0x201C...0x201F, 0x2033, 0x00AB, 0x00BB: "\""
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B: "-"
        default: nil
        }
    }

    /// Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…) digits as ASCII.
    static func arabicDigit(_ value: UInt32) -> Unicode.Scalar? {
        switch value {
        case 0x0660...0x0669: Unicode.Scalar(value - 0x0660 + 0x30)
        case 0x06F0...0x06F9: Unicode.Scalar(value - 0x06F0 + 0x30)
        default: nil
        }
    }
}
