/// A rule's query, parsed once and matched against many items.
///
/// The language:
/// - `Shaibani` — a term: matches the whole word, ignoring case and diacritics (`TextFolding`),
///   so `Barrack` does not match "Barracks". A term holding separators is a phrase of its words:
///   `al-Shaibani` matches "al-Shaibani", "Al Shaibani" and "AL-SHAIBANI".
/// - `"security talks"` — a phrase: its words consecutively. `“curly”` quotes work too.
/// - `a AND b`, `a b` — both; `a OR b` — either; `NOT a`, `-a` — not. `AND`, `OR`, `NOT` are
///   operators only in upper case. Precedence NOT > AND > OR: `a OR b c` is `a OR (b AND c)`.
/// - `( … )` — grouping.
/// - `title:term`, `text:"a phrase"`, `title:(a OR b)` — only in the item's title or text;
///   unscoped terms look in both. A phrase never spans from the title into the text.
///
/// A query must look for something: one that would match an item containing none of its terms
/// (`NOT sport`, `a OR -b`) is rejected, since as a rule it would alert on nearly every item.
///
/// Two queries are equal when their sources are.
public struct RuleQuery: Sendable, Hashable {
    /// The query as written.
    public let source: String
    let root: RuleNode
    let terms: [RuleTerm]

    public init(parsing text: String) throws(RuleSyntaxError) {
        var parser = RuleParser(lexemes: try RuleLexer.lexemes(of: Array(text)))
        let root = try parser.parseQuery()
        self.source = text
        self.root = root
        self.terms = parser.terms
        if evaluate(against: MatchDocument(title: "", text: "")) != nil {
            throw RuleSyntaxError(
                position: 0,
                message: "the query looks for nothing: it matches items containing none of its terms")
        }
    }

    /// The match, or nil when the query does not hold for `document`.
    public func match(_ document: MatchDocument) -> RuleMatch? {
        guard let hits = evaluate(against: document) else { return nil }
        var seen = Set<String>()
        var matched: [String] = []
        for index in Set(hits).sorted() where seen.insert(terms[index].written).inserted {
            matched.append(terms[index].written)
        }
        return RuleMatch(matchedTerms: matched)
    }

    /// Indices of the terms that made the query hold, or nil if it does not.
    private func evaluate(against document: MatchDocument) -> [Int]? {
        var hits: [Int] = []
        return holds(root, in: document, hits: &hits) ? hits : nil
    }

    /// Evaluates `node`, appending to `hits` the terms of the parts that held. A failed part's
    /// terms are dropped again by truncating, which spares building a set per node.
    private func holds(_ node: RuleNode, in document: MatchDocument, hits: inout [Int]) -> Bool {
        switch node {
        case .term(let index):
            let term = terms[index]
            guard document.contains(term.tokens, in: term.field) else { return false }
            hits.append(index)
            return true
        case .and(let items):
            let mark = hits.count
            for item in items where !holds(item, in: document, hits: &hits) {
                hits.removeSubrange(mark...)
                return false
            }
            return true
        case .or(let items):
            // Every alternative is evaluated, not just the first that holds: all matching terms
            // are reported.
            var any = false
            for item in items {
                let mark = hits.count
                if holds(item, in: document, hits: &hits) {
                    any = true
                } else {
                    hits.removeSubrange(mark...)
                }
            }
            return any
        case .not(let item):
            let mark = hits.count
            let inner = holds(item, in: document, hits: &hits)
            hits.removeSubrange(mark...)
            return !inner
        }
    }

    public static func == (lhs: RuleQuery, rhs: RuleQuery) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
