/// One thing a query looks for in the item's words (or, for a regular expression, its text).
struct RuleLeaf: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// One folded word, or a phrase of several.
        case words([String])
        /// Folded words starting with this (at least three characters).
        case prefix(String)
        /// Folded words within one edit of this (at least five characters).
        case fuzzy(String)
        /// Folded words that must also appear exactly as `surfaces` in the item.
        case exact(folded: [String], surfaces: [String])
        case regex(RuleRegex)
    }

    let kind: Kind
    /// Extra words a sloppy phrase may have in between, in total.
    var slop: Int32 = 0
    /// A hyphenated word's spelling without its hyphens: `al-Shaibani` also finds "Alshaibani".
    var joined: String?
    var scope: RuleField = .any
    /// As written in the query (without quotes, field prefix or `-`): what alerts report.
    let written: String
    /// The alias this leaf is a variant of, if any.
    var alias: AliasOrigin?

    /// The shortest prefix a wildcard may have, and the shortest word fuzzy matching applies to.
    static let minimumPrefix = 3
    static let minimumFuzzy = 5
}

/// Which alias, and which of its variants, a leaf came from.
struct AliasOrigin: Sendable, Hashable {
    let name: String
    let language: String
}

extension RuleLeaf {
    /// The leaf a word, phrase or exact lexeme stands for; nil for other lexemes.
    static func make(from lexeme: RuleLexeme) throws(RuleSyntaxError) -> RuleLeaf? {
        switch lexeme.kind {
        case .word(let text):
            return try word(text, lexeme: lexeme)
        case .phrase(let text):
            let scanned = Tokenizer.scan(text)
            if text.contains("*") {
                throw RuleSyntaxError(position: lexeme.start, message: "wildcards ('*') are not allowed in a phrase")
            }
            let tokens = try folded(scanned, lexeme: lexeme, isPhrase: true)
            var slop: Int32 = 0
            if case .tilde(let count) = lexeme.modifier { slop = Int32(count) }
            return RuleLeaf(kind: .words(tokens), slop: slop, joined: joined(scanned), written: text)
        case .exact(let text, let isPhrase):
            let scanned = Tokenizer.scan(text)
            let tokens = try folded(scanned, lexeme: lexeme, isPhrase: isPhrase)
            let surfaces = scanned.tokens.map { String(text[$0.range(in: text)]) }
            guard surfaces.count == tokens.count else {
                throw RuleSyntaxError(position: lexeme.start, message: "\(lexeme.shown) cannot be matched exactly")
            }
            return RuleLeaf(kind: .exact(folded: tokens, surfaces: surfaces), written: "=" + text)
        case .regex(let pattern, let flags):
            guard let regex = RuleRegex(pattern: pattern, flags: flags) else {
                throw RuleSyntaxError(position: lexeme.start, message: "invalid regular expression \(lexeme.shown)")
            }
            return RuleLeaf(kind: .regex(regex), written: "/\(pattern)/\(flags)")
        default:
            return nil
        }
    }

    private static func word(_ text: String, lexeme: RuleLexeme) throws(RuleSyntaxError) -> RuleLeaf {
        let scanned = Tokenizer.scan(text)
        let tokens = try folded(scanned, lexeme: lexeme, isPhrase: false)
        switch lexeme.modifier {
        case .none:
            return RuleLeaf(kind: .words(tokens), joined: joined(scanned), written: text)
        case .prefix:
            guard tokens.count == 1, tokens[0].count >= minimumPrefix else {
                throw RuleSyntaxError(
                    position: lexeme.start,
                    message: "a wildcard needs a single word of at least \(minimumPrefix) letters before '*'")
            }
            return RuleLeaf(kind: .prefix(tokens[0]), written: text + "*")
        case .tilde:
            guard tokens.count == 1, tokens[0].count >= minimumFuzzy else {
                throw RuleSyntaxError(
                    position: lexeme.start,
                    message: "fuzzy matching ('~1') needs a single word of at least \(minimumFuzzy) letters")
            }
            return RuleLeaf(kind: .fuzzy(tokens[0]), written: text + "~1")
        }
    }

    private static func folded(
        _ scanned: ScannedText, lexeme: RuleLexeme, isPhrase: Bool
    ) throws(RuleSyntaxError) -> [String] {
        let tokens = scanned.tokens.map(\.text)
        if tokens.isEmpty {
            let blank: Bool
            switch lexeme.kind {
            case .phrase(let text), .exact(let text, _): blank = text.allSatisfy(\.isWhitespace)
            default: blank = false
            }
            let message = isPhrase && blank ? "empty phrase" : "\(lexeme.shown) has no letters or digits to match"
            throw RuleSyntaxError(position: lexeme.start, message: message)
        }
        return tokens
    }

    /// "al-Shaibani" → "alshaibani": two or three words joined by single hyphens, as `FieldIndex`
    /// indexes them.
    private static func joined(_ scanned: ScannedText) -> String? {
        let count = scanned.tokens.count
        guard count == 2 || count == 3, scanned.gaps.dropFirst().allSatisfy(\.isHyphenJoin) else { return nil }
        return scanned.tokens.map(\.text).joined()
    }
}
