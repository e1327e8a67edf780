/// The forms of a folded Arabic word without its attached proclitics, which `FieldIndex` stores
/// alongside the word so that `الشيباني` matches "والشيباني" and `إسرائيل` matches "وإسرائيل".
///
/// Arabic writes conjunctions (و ف), prepositions (ب ك ل) and the article (ال) joined to the next
/// word. Stripping is done on the indexed text only, never on the query: a rule's word is taken as
/// written, and every prefix-less form of the item's word is a candidate for it.
enum ArabicClitics {
    /// Folded proclitics (after `TextFolding`) and the shortest stem each may leave. A single letter
    /// is often part of the word itself ("بلد", "ولد"), so it needs a longer remainder.
    private static let proclitics: [(prefix: [Unicode.Scalar], minimumStem: Int)] = [
        ("وال", 2), ("بال", 2), ("كال", 2), ("فال", 2), ("لل", 2), ("ال", 2),
        ("و", 3), ("ف", 3), ("ب", 3), ("ك", 3), ("ل", 3),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    private static let article: [Unicode.Scalar] = Array("ال".unicodeScalars)

    /// Whether `word` starts with an Arabic letter; only such words are stripped.
    @inline(__always)
    static func isArabic(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return (0x0621...0x064A).contains(first.value)
    }

    /// The stems of `word`, longest first, without `word` itself and without duplicates.
    static func stems(of word: String) -> [String] {
        guard isArabic(word) else { return [] }
        let scalars = Array(word.unicodeScalars)
        var stems: [String] = []
        for (prefix, minimumStem) in proclitics where scalars.count - prefix.count >= minimumStem {
            guard scalars.starts(with: prefix) else { continue }
            let stem = scalars[prefix.count...]
            append(String(String.UnicodeScalarView(stem)), to: &stems)
            if prefix.count == 2, prefix[0] == "ل", prefix[1] == "ل" {
                // "للمفاوضات" is ل + المفاوضات with the article's alef elided.
                append(String(String.UnicodeScalarView(article + stem)), to: &stems)
            }
        }
        return stems
    }

    private static func append(_ stem: String, to stems: inout [String]) {
        if !stems.contains(stem) { stems.append(stem) }
    }
}
