extension RuleQuery {
    /// The explanation of a match already established: evaluates again, collecting hits.
    func explain(_ document: MatchDocument) -> RuleMatch {
        var evaluator = RuleEvaluator(leaves: leaves, document: document, track: true)
        _ = evaluator.holds(root)
        var seenHits = Set<LeafHit>()
        let leafHits = evaluator.hits.filter { seenHits.insert($0).inserted }

        var terms: [String] = []
        var variants: [RuleAliasHit] = []
        for index in Set(leafHits.map(\.leaf)).sorted() {
            let leaf = leaves[index]
            let term = leaf.alias.map { "@" + $0.name } ?? leaf.written
            if !terms.contains(term) { terms.append(term) }
            if let alias = leaf.alias {
                let hit = RuleAliasHit(alias: alias.name, language: alias.language, variant: leaf.written)
                if !variants.contains(hit) { variants.append(hit) }
            }
        }

        var hits: [RuleHit] = []
        var seenRanges = Set<RuleHit>()
        let ordered = leafHits.sorted {
            ($0.field.rawValue, $0.range.lowerBound) < ($1.field.rawValue, $1.range.lowerBound)
        }
        for hit in ordered {
            let original = document[hit.field].original
            let text = Self.slice(original, hit.range)
            let ruleHit = RuleHit(
                term: leaves[hit.leaf].written, field: hit.field.name, start: hit.range.lowerBound,
                end: hit.range.upperBound, text: text)
            if seenRanges.insert(ruleHit).inserted { hits.append(ruleHit) }
        }

        var clauseTexts: [String] = []
        for clause in clauses {
            var check = RuleEvaluator(leaves: leaves, document: document, track: false)
            if check.holds(clause.node) { clauseTexts.append(clause.text) }
        }
        return RuleMatch(
            matchedTerms: terms, matchedClauses: clauseTexts, aliasVariants: variants, hits: hits,
            snippet: RuleSnippet.make(document: document, hits: leafHits))
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: range.lowerBound)
        let end = utf16.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }
}
