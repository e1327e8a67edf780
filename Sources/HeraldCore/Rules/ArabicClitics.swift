/// The forms of a folded Arabic word without its attached proclitics, which `FieldIndex` stores
/// alongside the word so that `الشيباني` matches "والشيباني" and `إسرائيل` matches "وإسرائيل".
///
/// Arabic writes conjunctions (و ف), prepositions (ب ك ل) and the article (ال) joined to the next
/// word. Stripping is done on the indexed text only, never on the query: a rule's word is taken as
/// written, and every prefix-less form of the item's word is a candidate for it.
enum ArabicClitics {
    /// Folded proclitics (after `TextFolding`) as UTF-8, and the shortest stem (in letters) each
    /// may leave. A single letter is often part of the word itself ("بلد", "ولد"), so it needs a
    /// longer remainder.
    private static let proclitics: [(prefix: [UInt8], letters: Int, minimumStem: Int)] = [
        ("وال", 2), ("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2),
        ("و", 3), ("ف", 3), ("ب", 3), ("ك", 3), ("ل", 3),
    ].map { (Array($0.0.utf8), $0.0.unicodeScalars.count, $0.1) }

    private static let article: [UInt8] = Array("ال".utf8)
    private static let lamLam: [UInt8] = Array("لل".utf8)

    /// Whether `word` starts with an Arabic letter; only such words are stripped.
    @inline(__always)
    static func isArabic(_ word: String) -> Bool {
        // U+0621…U+064A in UTF-8: D8 A1…D8 BF and D9 80…D9 8A.
        var bytes = word.utf8.makeIterator()
        guard let lead = bytes.next(), lead == 0xD8 || lead == 0xD9, let next = bytes.next() else { return false }
        return lead == 0xD8 ? next >= 0xA1 : next <= 0x8A
    }

    /// The stems of `word`, longest first, without `word` itself and without duplicates.
    ///
    /// Works on UTF-8: the analysis calls this for every Arabic word of every item. A folded
    /// Arabic word is Arabic letters, two bytes each, but other scalars are counted correctly too.
    static func stems(of word: String) -> [String] {
        guard isArabic(word) else { return [] }
        var word = word
        word.makeContiguousUTF8()
        return word.utf8.withContiguousStorageIfAvailable { stems(of: $0) } ?? []
    }

    private static func stems(of bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        // Every proclitic starts with و ف ب ك ل or ا (UTF-8 D9 88, D9 81, D8 A8, D9 83, D9 84,
        // D8 A7): most words start otherwise and need no further look.
        guard bytes.count >= 2 else { return [] }
        switch (bytes[0], bytes[1]) {
        case (0xD9, 0x88), (0xD9, 0x81), (0xD8, 0xA8), (0xD9, 0x83), (0xD9, 0x84), (0xD8, 0xA7): break
        default: return []
        }
        let letters = bytes.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        var stems: [String] = []
        for (prefix, prefixLetters, minimumStem) in proclitics where letters - prefixLetters >= minimumStem {
            guard bytes.starts(with: prefix) else { continue }
            let stem = UnsafeBufferPointer(rebasing: bytes[prefix.count...])
            append(String(decoding: stem, as: UTF8.self), to: &stems)
            if prefix == lamLam {
                // "للمفاوضات" is ل + المفاوضات with the article's alef elided.
                append(String(decoding: article + Array(stem), as: UTF8.self), to: &stems)
            }
        }
        return stems
    }

    private static func append(_ stem: String, to stems: inout [String]) {
        if !stems.contains(stem) { stems.append(stem) }
    }
}
