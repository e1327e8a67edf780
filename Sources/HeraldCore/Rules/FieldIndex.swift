/// One field of an item, analysed once for every rule: its words, the sentence and paragraph of
/// each, and every indexed form with where it occurs.
///
/// Indexed forms of the word at position `p`:
/// - its folded spelling;
/// - for an Arabic word, each proclitic-stripped stem (`ArabicClitics`);
/// - for two or three words joined by single hyphens ("al-Shaibani"), the joined spelling
///   ("alshaibani") covering all of them, so the joined and split spellings find each other.
struct FieldIndex: Sendable {
    /// The field as the item has it, for surface forms, regular expressions and snippets.
    let original: String
    let tokens: [TextToken]
    let sentences: [Int32]
    let paragraphs: [Int32]
    /// Indexed form → its most recent entry in `entries`; each entry links to the previous one
    /// of the same form through `previous`. One dictionary entry per form and no array per form:
    /// most forms occur once, and building ~150 small arrays per item dominated the analysis.
    let heads: [IndexTerm: Int32]
    let entries: [Posting]
    let previous: [Int32]

    static let empty = FieldIndex("")

    init(_ original: String) {
        self.original = original
        if original.isEmpty {
            tokens = []
            sentences = []
            paragraphs = []
            heads = [:]
            entries = []
            previous = []
            return
        }
        let scanned = Tokenizer.scan(original)
        let tokens = scanned.tokens
        var sentences: [Int32] = []
        var paragraphs: [Int32] = []
        sentences.reserveCapacity(tokens.count)
        paragraphs.reserveCapacity(tokens.count)
        var heads: [IndexTerm: Int32] = [:]
        heads.reserveCapacity(tokens.count * 2)
        var entries: [Posting] = []
        entries.reserveCapacity(tokens.count * 2)
        var previous: [Int32] = []
        previous.reserveCapacity(tokens.count * 2)
        func add(_ form: String, _ posting: Posting) {
            let entry = Int32(entries.count)
            entries.append(posting)
            previous.append(heads.updateValue(entry, forKey: IndexTerm(form)) ?? -1)
        }
        var sentence: Int32 = 0
        var paragraph: Int32 = 0
        for (index, token) in tokens.enumerated() {
            let gap = scanned.gaps[index]
            if index > 0 {
                if gap.isParagraphBreak {
                    paragraph += 1
                    sentence += 1
                } else if gap.newlines > 0 || gap.strongEnd
                    || (gap.periodThenSpace && !Self.isAbbreviation(tokens[index - 1].text))
                {
                    sentence += 1
                }
            }
            sentences.append(sentence)
            paragraphs.append(paragraph)
            let position = Int32(index)
            let here = Posting(start: position, end: position)
            add(token.text, here)
            if ArabicClitics.isArabic(token.text) {
                for stem in ArabicClitics.stems(of: token.text) { add(stem, here) }
            }
            if index > 0, gap.isHyphenJoin {
                let previous = tokens[index - 1].text
                add(previous + token.text, Posting(start: position - 1, end: position))
                if index > 1, scanned.gaps[index - 1].isHyphenJoin {
                    let joined = tokens[index - 2].text + previous + token.text
                    add(joined, Posting(start: position - 2, end: position))
                }
            }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
        self.heads = heads
        self.entries = entries
        self.previous = previous
    }

    /// Where `form` occurs, in text order; nil when it does not.
    func postings(_ form: IndexTerm) -> [Posting]? {
        guard var entry = heads[form] else { return nil }
        var list: [Posting] = []
        while entry >= 0 {
            list.append(entries[Int(entry)])
            entry = previous[Int(entry)]
        }
        list.reverse()
        // Joined forms are added after the word that ends them, so a form's entries can be out
        // of order ("al-x al").
        if !Self.isSorted(list) { list.sort() }
        return list
    }

    func postings(_ form: String) -> [Posting]? {
        postings(IndexTerm(form))
    }

    /// The original text of the words from `start` to `end` inclusive, as UTF-16 offsets.
    func utf16Range(_ start: Int32, _ end: Int32) -> Range<Int> {
        tokens[Int(start)].range.lowerBound..<tokens[Int(end)].range.upperBound
    }

    /// The word at `position` as the item writes it.
    func surface(at position: Int32) -> Substring {
        let range = tokens[Int(position)].range(in: original)
        return original[range]
    }

    private static func isSorted(_ list: [Posting]) -> Bool {
        zip(list, list.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// Words after which a period does not end a sentence: single letters ("U.S.", "D.C.") and
    /// common English abbreviations. A short list on purpose: a missed sentence end only makes
    /// `SENT` a little more lenient.
    static func isAbbreviation(_ word: String) -> Bool {
        word.unicodeScalars.count == 1 || abbreviations.contains(word)
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "sgt", "capt", "adm", "gov", "sen", "rep",
        "st", "jr", "sr", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "ltd", "corp",
    ]
}
