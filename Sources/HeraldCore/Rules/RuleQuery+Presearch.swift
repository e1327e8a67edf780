/// What a presearch index can know about a query without evaluating it: a set of index keys of
/// which every matching item contains at least one.
struct PresearchRequirement: Sendable, Hashable {
    var keys: Set<String>
    /// Lower is more selective.
    var cost: Double
}

/// Presearch keys. Words are keyed by their folded spelling; wildcards and fuzzy words by short
/// marked prefixes and suffixes that `RuleIndex` derives from an item's words only when some rule
/// needs them.
enum PresearchKey {
    static let prefixMark = "\u{1}"
    static let fuzzyHeadMark = "\u{2}"
    static let fuzzyTailMark = "\u{3}"

    /// `negotiat*` → the first three letters: every word it matches starts with them.
    static func prefix(_ word: String) -> String {
        prefixMark + String(String.UnicodeScalarView(word.unicodeScalars.prefix(3)))
    }

    /// A word within one edit of a word of five or more letters keeps its first two or its last two
    /// letters: one edit cannot touch both ends.
    static func fuzzy(_ word: String) -> [String] {
        let scalars = word.unicodeScalars
        return [
            fuzzyHeadMark + String(String.UnicodeScalarView(scalars.prefix(2))),
            fuzzyTailMark + String(String.UnicodeScalarView(scalars.suffix(2))),
        ]
    }

    /// Short words are common: a rule keyed on "al" would be verified for nearly every item.
    static func cost(of key: String) -> Double {
        if key.hasPrefix(prefixMark) { return 0.6 }
        if key.hasPrefix(fuzzyHeadMark) || key.hasPrefix(fuzzyTailMark) { return 1 }
        let length = key.unicodeScalars.count
        return length <= 2 ? 1 : 1 / Double(length)
    }
}

extension RuleQuery {
    /// The cheapest requirement of the query, or nil when none can be stated (a NOT at the top,
    /// a regular expression alone): such a query must be verified against every item.
    var presearchRequirement: PresearchRequirement? {
        requirement(root)
    }

    private func requirement(_ node: RuleNode) -> PresearchRequirement? {
        switch node {
        case .leaf(let index):
            return requirement(leaves[index])
        case .and(let items):
            return items.compactMap(requirement).min { $0.cost < $1.cost }
        case .near(let left, let right, _, _), .within(let left, let right, _):
            return [requirement(left), requirement(right)].compactMap(\.self).min { $0.cost < $1.cost }
        case .or(let items):
            var union = PresearchRequirement(keys: [], cost: 0)
            for item in items {
                guard let part = requirement(item) else { return nil }
                union.keys.formUnion(part.keys)
                union.cost += part.cost
            }
            return union
        case .atLeast(_, let item):
            return requirement(item)
        case .not:
            return nil
        }
    }

    private func requirement(_ leaf: RuleLeaf) -> PresearchRequirement? {
        var keys: Set<String>
        switch leaf.kind {
        case .words(let words), .exact(let words, _):
            // Any one word of a phrase will do; the rarest (by the cost guess) filters best.
            let rarest = words.min { PresearchKey.cost(of: $0) < PresearchKey.cost(of: $1) }!
            keys = [rarest]
        case .prefix(let prefix):
            keys = [PresearchKey.prefix(prefix)]
        case .fuzzy(let word):
            keys = Set(PresearchKey.fuzzy(word))
        case .regex:
            return nil
        }
        if let joined = leaf.joined { keys.insert(joined) }
        return PresearchRequirement(keys: keys, cost: keys.reduce(0) { $0 + PresearchKey.cost(of: $1) })
    }
}
