/// Why a rule matched an item: the terms, clauses and alias variants that held, where they are,
/// and a snippet to show. `Codable` for JSON output.
public struct RuleMatch: Sendable, Hashable, Codable {
    /// The query's terms and phrases that matched, as written in the query (without quotes, field
    /// prefix or `-`; an alias as `@name`), in query order and without duplicates.
    ///
    /// Only terms of the parts of the query that held are listed: for `(a AND b) OR c` on an item
    /// with `a` and `c` but not `b`, that is `c`. A term under NOT never appears.
    public var matchedTerms: [String]
    /// The query's top-level clauses (the items of its outermost AND or OR) that held, as written.
    public var matchedClauses: [String]
    /// For each alias that matched, each variant that did.
    public var aliasVariants: [RuleAliasHit]
    /// Every occurrence of a matched term, in field then text order.
    public var hits: [RuleHit]
    /// At most `RuleSnippet.maximumLength` characters of the field around the strongest hit, hits
    /// marked `[[…]]`, cuts marked `…`. Empty when nothing has a place in the text.
    public var snippet: String

    public init(
        matchedTerms: [String], matchedClauses: [String] = [], aliasVariants: [RuleAliasHit] = [],
        hits: [RuleHit] = [], snippet: String = ""
    ) {
        self.matchedTerms = matchedTerms
        self.matchedClauses = matchedClauses
        self.aliasVariants = aliasVariants
        self.hits = hits
        self.snippet = snippet
    }

    enum CodingKeys: String, CodingKey {
        case matchedTerms = "matched_terms"
        case matchedClauses = "matched_clauses"
        case aliasVariants = "alias_variants"
        case hits, snippet
    }
}

/// One occurrence of a matched term in an item.
public struct RuleHit: Sendable, Hashable, Codable {
    /// The term as written in the query (a variant's spelling for an alias).
    public var term: String
    /// `title`, `text`, `source`, `feed`, `tag`, `lang`, `author` or `url`.
    public var field: String
    /// UTF-16 offsets into that field's text, end exclusive: what JavaScript's `slice` takes.
    public var start: Int
    public var end: Int
    /// The item's text there.
    public var text: String

    public init(term: String, field: String, start: Int, end: Int, text: String) {
        self.term = term
        self.field = field
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A variant of an alias that matched.
public struct RuleAliasHit: Sendable, Hashable, Codable {
    /// The alias name, without `@`.
    public var alias: String
    /// The variant's language label; empty when it has none.
    public var language: String
    /// The variant as written in the definition.
    public var variant: String

    public init(alias: String, language: String, variant: String) {
        self.alias = alias
        self.language = language
        self.variant = variant
    }
}
