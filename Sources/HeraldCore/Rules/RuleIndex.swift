/// Many rules prepared for matching items fast: a presearch index in the manner of Lucene's
/// Monitor (Luwak). Each rule is indexed under the keys of its most selective required clause —
/// an item without any of them cannot match — and only the rules whose keys the item contains
/// (plus those with no indexable requirement) are evaluated.
public struct RuleIndex: Sendable {
    /// The rules in the order given.
    public let rules: [(name: String, query: RuleQuery)]
    /// Presearch key → indices of the rules indexed under it.
    private let postings: [String: [Int32]]
    /// Rules with no indexable requirement, verified against every item.
    private let alwaysVerify: [Int32]
    private let needsPrefixKeys: Bool
    private let needsFuzzyKeys: Bool

    public init(_ rules: [(name: String, query: RuleQuery)]) {
        self.rules = rules
        var postings: [String: [Int32]] = [:]
        var alwaysVerify: [Int32] = []
        var needsPrefixKeys = false
        var needsFuzzyKeys = false
        for (index, rule) in rules.enumerated() {
            guard let requirement = rule.query.presearchRequirement else {
                alwaysVerify.append(Int32(index))
                continue
            }
            for key in requirement.keys {
                postings[key, default: []].append(Int32(index))
                if key.hasPrefix(PresearchKey.prefixMark) { needsPrefixKeys = true }
                if key.hasPrefix(PresearchKey.fuzzyHeadMark) || key.hasPrefix(PresearchKey.fuzzyTailMark) {
                    needsFuzzyKeys = true
                }
            }
        }
        self.postings = postings
        self.alwaysVerify = alwaysVerify
        self.needsPrefixKeys = needsPrefixKeys
        self.needsFuzzyKeys = needsFuzzyKeys
    }

    /// How many rules are verified against every item.
    public var alwaysVerifiedCount: Int { alwaysVerify.count }

    /// Indices (into `rules`, ascending) of the rules that may match `document` and are verified.
    public func candidates(for document: MatchDocument) -> [Int] {
        var marked = [Bool](repeating: false, count: rules.count)
        for index in alwaysVerify { marked[Int(index)] = true }
        func visit(_ key: String) {
            guard let list = postings[key] else { return }
            for index in list { marked[Int(index)] = true }
        }
        for field in document.fields {
            for key in field.postings.keys {
                visit(key)
                if needsPrefixKeys || needsFuzzyKeys {
                    let length = key.unicodeScalars.count
                    if needsPrefixKeys, length >= RuleLeaf.minimumPrefix { visit(PresearchKey.prefix(key)) }
                    if needsFuzzyKeys, length >= RuleLeaf.minimumFuzzy - 1 {
                        for fuzzy in PresearchKey.fuzzy(key) { visit(fuzzy) }
                    }
                }
            }
        }
        return marked.indices.filter { marked[$0] }
    }

    /// Indices (into `rules`, ascending) of the rules that match `document`, without building
    /// explanations.
    public func matchingIndices(for document: MatchDocument) -> [Int] {
        candidates(for: document).filter { rules[$0].query.matches(document) }
    }

    /// The rules that match `document`, in rule order, with their explanations.
    public func matches(_ document: MatchDocument) -> [(name: String, match: RuleMatch)] {
        var result: [(name: String, match: RuleMatch)] = []
        for index in candidates(for: document) {
            let rule = rules[index]
            if let match = rule.query.match(document) { result.append((rule.name, match)) }
        }
        return result
    }
}
