/// A rule's query, parsed once and matched against many items. `docs/rules.md` describes the
/// language for rule writers; in short:
///
/// - `Shaibani` — a whole word, ignoring case, diacritics and Arabic spelling variants
///   (`TextFolding`); Arabic words also match with attached proclitics ("والشيباني").
///   `al-Shaibani` is a phrase of its words and also matches "Alshaibani".
/// - `"security talks"` — a phrase; `"Syria Israel"~3` — in order, up to 3 extra words between.
/// - `a AND b`, `a b`, `a OR b`, `NOT a`, `-a`, `( … )` — precedence NOT > AND > OR.
/// - `a NEAR/6 b`, `a PRE/8 b`, `a SENT b`, `a PARA b` — positional; they bind tightest.
/// - `title:`, `text:`, `lead:`, `source:`, `feed:`, `tag:`, `lang:`, `author:`, `url:` — scopes.
/// - `negotiat*`, `Shaibani~1`, `=US` — prefix, one edit, exact surface form.
/// - `atleast:2(@shaibani)` — occurrences; `@shaibani` — an alias from the `AliasTable`.
/// - `url:/\/(ar|arabic)\//` — a regular expression on the field's text (verification only).
///
/// A query must look for something: one that would match an item containing none of its terms
/// (`NOT sport`, `a OR -b`) is rejected, since as a rule it would alert on nearly every item.
///
/// Two queries are equal when their sources and alias tables are.
public struct RuleQuery: Sendable, Hashable {
    /// The query as written.
    public let source: String
    /// The aliases the query was parsed with.
    public let aliases: AliasTable
    let root: RuleNode
    let leaves: [RuleLeaf]
    /// The top-level clauses, as written, for explanations.
    let clauses: [RuleClause]

    public init(parsing text: String, aliases: AliasTable = AliasTable()) throws(RuleSyntaxError) {
        let characters = Array(text)
        var parser = RuleParser(lexemes: try RuleLexer.lexemes(of: characters), aliases: aliases)
        let root = try parser.parseQuery()
        self.source = text
        self.aliases = aliases
        self.root = root
        self.leaves = parser.leaves
        self.clauses = parser.clauses.map { clause in
            RuleClause(node: clause.node, text: String(characters[clause.start..<clause.end]))
        }
        if holds(in: MatchDocument(title: "", text: "")) {
            throw RuleSyntaxError(
                position: 0,
                message: "the query looks for nothing: it matches items containing none of its terms")
        }
    }

    /// The match with its explanation, or nil when the query does not hold for `document`.
    public func match(_ document: MatchDocument) -> RuleMatch? {
        guard holds(in: document) else { return nil }
        return explain(document)
    }

    /// Whether the query holds for `document`, without building an explanation.
    public func matches(_ document: MatchDocument) -> Bool {
        holds(in: document)
    }

    func holds(in document: MatchDocument) -> Bool {
        var evaluator = RuleEvaluator(leaves: leaves, document: document, track: false)
        return evaluator.holds(root)
    }

    public static func == (lhs: RuleQuery, rhs: RuleQuery) -> Bool {
        lhs.source == rhs.source && lhs.aliases == rhs.aliases
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}

/// A top-level clause of a query: an item of its outermost AND or OR.
struct RuleClause: Sendable, Hashable {
    let node: RuleNode
    let text: String
}
