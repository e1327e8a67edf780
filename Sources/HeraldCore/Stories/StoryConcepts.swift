import Foundation

/// Words and phrases that name one thing in several spellings and languages — a *concept* — so
/// that an Arabic report and an English one of the same event share features ("الشيباني" and
/// "al-Shaibani" are both `c:shaibani`).
///
/// Built from the config's alias sets (every variant of `@shaibani` names the concept
/// `shaibani`) plus Herald's own month names, so "12 January" and "12 كانون الثاني" share a date.
/// Variants are folded and tokenised as items are; a trailing `*` makes the last word a prefix,
/// and the rule-language marks `=`, `~N` and quotes are ignored.
public struct StoryConcepts: Sendable {
    struct Phrase: Sendable {
        var rest: [String]
        var concept: String
    }

    /// Phrases keyed by their first word.
    private(set) var phrases: [String: [Phrase]] = [:]
    /// Single-word prefixes (`سوري*`) and their concept.
    private(set) var prefixes: [String: String] = [:]
    private(set) var longestPrefix = 0
    /// The first two letters of every prefix: most words start otherwise and need no further look.
    private(set) var prefixStarts: Set<Substring> = []
    /// Built-in places (`PlaceNames`) an alias names, by the place's feature: the alias's concept.
    /// An alias `@turkey = { en: Turkey ; ar: تركيا }` takes the place's other spellings too
    /// (Turkish, Türkiye, التركية), so one country is one concept however a report writes it.
    private(set) var placeConcepts: [UInt64: String] = [:]

    /// Only Herald's built-in month names.
    public init() {
        for (month, names) in Self.months.enumerated() {
            for name in names { add(concept: Self.monthPrefix + "\(month + 1)", variant: name) }
        }
    }

    /// The built-in month names plus every variant of every alias in `aliases`.
    public init(aliases: AliasTable) {
        self.init()
        for name in aliases.names {
            guard let definition = aliases.definition(of: name) else { continue }
            for variant in Self.variants(ofDefinition: definition) { add(concept: name, variant: variant) }
        }
        guard !aliases.names.isEmpty else { return }
        for place in PlaceNames.places {
            for name in place.english + place.arabic.flatMap({ PlaceNames.forms($0).prefix(2) }) {
                let words = Tokenizer.tokens(in: name).map(\.text)
                guard !words.isEmpty else { continue }
                let stems = words.map {
                    ArabicClitics.isArabic($0) ? ArabicClitics.stems(of: $0).last ?? $0 : StoryFeatures.englishStem($0)
                }
                if let (concept, length) = match(words, stems: stems, at: 0), length == words.count {
                    placeConcepts[PlaceNames.feature(place.english[0])] = concept
                    break
                }
            }
        }
    }

    /// Adds one spelling of `concept`: words, or words ending in `*` for a prefix.
    public mutating func add(concept: String, variant: String) {
        var text = variant
        let isPrefix = text.hasSuffix("*")
        if isPrefix { text.removeLast() }
        let words = Tokenizer.tokens(in: text).map(\.text)
        guard let first = words.first else { return }
        if isPrefix && words.count == 1 {
            prefixes[first] = concept
            longestPrefix = max(longestPrefix, first.count)
            prefixStarts.insert(first.prefix(2))
            return
        }
        phrases[first, default: []].append(Phrase(rest: Array(words.dropFirst()), concept: concept))
        // Longest phrases first, so "hayat tahrir al sham" wins over a one-word variant.
        phrases[first]?.sort { $0.rest.count > $1.rest.count }
    }

    /// The variants written in an alias definition `{ en: a | "b c" ; ar: d }`.
    static func variants(ofDefinition definition: String) -> [String] {
        var body = Substring(definition)
        body = body.drop { $0 == "{" || $0.isWhitespace }
        while let last = body.last, last == "}" || last.isWhitespace { body.removeLast() }
        var variants: [String] = []
        for group in body.split(separator: ";") {
            var text = Substring(group)
            if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter || $0.isWhitespace }),
                text[..<colon].trimmingCharacters(in: .whitespaces).count <= 3
            {
                text = text[text.index(after: colon)...]
            }
            for raw in text.split(separator: "|") {
                var variant = raw.trimmingCharacters(in: .whitespaces)
                if let tilde = variant.lastIndex(of: "~"),
                    variant[variant.index(after: tilde)...].allSatisfy(\.isNumber)
                {
                    variant = String(variant[..<tilde])
                }
                variant = variant.trimmingCharacters(in: CharacterSet(charactersIn: "\"= "))
                if !variant.isEmpty { variants.append(variant) }
            }
        }
        return variants
    }

    /// The concept starting at `words[index]`, and how many words it spans.
    func match(_ words: [String], stems: [String], at index: Int) -> (concept: String, length: Int)? {
        for key in [words[index], stems[index]] {
            guard let candidates = phrases[key] else { continue }
            for phrase in candidates where index + phrase.rest.count < words.count {
                var matches = true
                for (offset, word) in phrase.rest.enumerated() {
                    let other = index + 1 + offset
                    if words[other] != word && stems[other] != word {
                        matches = false
                        break
                    }
                }
                if matches { return (phrase.concept, phrase.rest.count + 1) }
            }
        }
        if !prefixes.isEmpty {
            for word in [words[index], stems[index]] where prefixStarts.contains(word.prefix(2)) {
                var length = min(word.count, longestPrefix)
                while length >= 2 {
                    if let concept = prefixes[String(word.prefix(length))] { return (concept, 1) }
                    length -= 1
                }
            }
        }
        return nil
    }

    /// The concept names of the built-in months start with this; alias names cannot (they have
    /// no spaces).
    static let monthPrefix = "month "

    /// English and Arabic month names (Egyptian/Gulf and Levantine forms).
    static let months: [[String]] = [
        ["January", "يناير", "كانون الثاني"], ["February", "فبراير", "شباط"], ["March", "مارس", "آذار"],
        ["April", "أبريل", "نيسان"], ["May", "مايو", "أيار"], ["June", "يونيو", "حزيران"],
        ["July", "يوليو", "تموز"], ["August", "أغسطس", "آب"], ["September", "سبتمبر", "أيلول"],
        ["October", "أكتوبر", "تشرين الأول"], ["November", "نوفمبر", "تشرين الثاني"],
        ["December", "ديسمبر", "كانون الأول"],
    ]
}
