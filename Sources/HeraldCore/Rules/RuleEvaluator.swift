/// One leaf's occurrence in a document, kept while evaluating for an explanation.
struct LeafHit: Sendable, Hashable {
    let leaf: Int
    let field: DocumentField
    /// Word positions, or -1 for a regular expression match.
    let start: Int32
    let end: Int32
    /// UTF-16 offsets into the field's original text.
    let range: Range<Int>
}

/// A run of words an operand of a positional operator matched, with the leaf hits that make it
/// up when tracking.
struct Span: Sendable {
    var start: Int32
    var end: Int32
    var hits: [LeafHit] = []
}

/// Evaluates one query against one document. `track` off is the fast path used to decide
/// matches; on, it also collects the leaf hits of every part that held, for the explanation.
struct RuleEvaluator {
    let leaves: [RuleLeaf]
    let document: MatchDocument
    let track: Bool
    var hits: [LeafHit] = []

    init(leaves: [RuleLeaf], document: MatchDocument, track: Bool) {
        self.leaves = leaves
        self.document = document
        self.track = track
    }

    /// Evaluates `node`, appending to `hits` (when tracking) the hits of the parts that held. A
    /// failed part's hits are dropped again by truncating, which spares building a set per node.
    mutating func holds(_ node: RuleNode) -> Bool {
        switch node {
        case .leaf(let index):
            return leafHolds(index)
        case .and(let items):
            let mark = hits.count
            for item in items where !holds(item) {
                hits.removeSubrange(mark...)
                return false
            }
            return true
        case .or(let items):
            // With tracking every alternative is evaluated, not just the first that holds: all
            // matching terms are reported.
            var any = false
            for item in items {
                let mark = hits.count
                if holds(item) {
                    any = true
                    if !track { return true }
                } else {
                    hits.removeSubrange(mark...)
                }
            }
            return any
        case .not(let item):
            let mark = hits.count
            let inner = holds(item)
            hits.removeSubrange(mark...)
            return !inner
        case .near, .within:
            var any = false
            for field in fields(of: node) {
                let spans = spans(node, in: field)
                if spans.isEmpty { continue }
                any = true
                if !track { return true }
                for span in spans { hits.append(contentsOf: span.hits) }
            }
            return any
        case .atLeast(let count, let item):
            var found = 0
            var collected: [LeafHit] = []
            for field in fields(of: item) {
                let spans = spans(item, in: field)
                found += Self.nonOverlapping(spans, collecting: &collected, track: track)
            }
            guard found >= count else { return false }
            hits.append(contentsOf: collected)
            return true
        }
    }

    private mutating func leafHolds(_ index: Int) -> Bool {
        let leaf = leaves[index]
        if case .regex(let regex) = leaf.kind {
            var any = false
            for slice in leaf.scope.slices {
                let ranges = regex.matches(in: document[slice.field].original, limit: track ? .max : 1)
                if ranges.isEmpty { continue }
                any = true
                if !track { return true }
                for range in ranges {
                    hits.append(LeafHit(leaf: index, field: slice.field, start: -1, end: -1, range: range))
                }
            }
            return any
        }
        var any = false
        for slice in leaf.scope.slices {
            let field = document[slice.field]
            if !track {
                if LeafMatcher.occurs(leaf, in: field, limit: slice.limit) { return true }
                continue
            }
            for posting in LeafMatcher.postings(leaf, in: field, limit: slice.limit) {
                any = true
                hits.append(
                    LeafHit(
                        leaf: index, field: slice.field, start: posting.start, end: posting.end,
                        range: field.utf16Range(posting.start, posting.end)))
            }
        }
        return any
    }

    /// The document fields the leaves under `node` look in.
    func fields(of node: RuleNode) -> [DocumentField] {
        var mask: UInt16 = 0
        collectFields(node, into: &mask)
        return DocumentField.allCases.filter { mask & (1 << $0.rawValue) != 0 }
    }

    private func collectFields(_ node: RuleNode, into mask: inout UInt16) {
        switch node {
        case .leaf(let index):
            for slice in leaves[index].scope.slices { mask |= 1 << slice.field.rawValue }
        case .and(let items), .or(let items):
            for item in items { collectFields(item, into: &mask) }
        case .not(let item), .atLeast(_, let item):
            collectFields(item, into: &mask)
        case .near(let left, let right, _, _), .within(let left, let right, _):
            collectFields(left, into: &mask)
            collectFields(right, into: &mask)
        }
    }

    /// The spans of a positional operand (a leaf, an OR of operands, or a positional operator) in
    /// one field. The parser admits nothing else here.
    func spans(_ node: RuleNode, in field: DocumentField) -> [Span] {
        switch node {
        case .leaf(let index):
            let leaf = leaves[index]
            guard let slice = leaf.scope.slices.first(where: { $0.field == field }) else { return [] }
            let fieldIndex = document[field]
            return LeafMatcher.postings(leaf, in: fieldIndex, limit: slice.limit).map { posting in
                var span = Span(start: posting.start, end: posting.end)
                if track {
                    span.hits = [
                        LeafHit(
                            leaf: index, field: field, start: posting.start, end: posting.end,
                            range: fieldIndex.utf16Range(posting.start, posting.end))
                    ]
                }
                return span
            }
        case .or(let items):
            return items.flatMap { spans($0, in: field) }
        case .near(let left, let right, let distance, let ordered):
            let rights = spans(right, in: field)
            if rights.isEmpty { return [] }
            return combine(spans(left, in: field), rights) { left, right in
                if right.start > left.end { return right.start - left.end - 1 <= distance }
                if ordered { return false }
                return left.start > right.end && left.start - right.end - 1 <= distance
            }
        case .within(let left, let right, let unit):
            let rights = spans(right, in: field)
            if rights.isEmpty { return [] }
            let fieldIndex = document[field]
            let units = unit == .sentence ? fieldIndex.sentences : fieldIndex.paragraphs
            return combine(spans(left, in: field), rights) { left, right in
                units[Int(min(left.start, right.start))] == units[Int(max(left.end, right.end))]
            }
        case .and, .not, .atLeast:
            return []
        }
    }

    private func combine(_ lefts: [Span], _ rights: [Span], where accept: (Span, Span) -> Bool) -> [Span] {
        var result: [Span] = []
        for left in lefts {
            for right in rights where accept(left, right) {
                var span = Span(start: min(left.start, right.start), end: max(left.end, right.end))
                if track { span.hits = left.hits + right.hits }
                result.append(span)
            }
        }
        return result
    }

    /// How many of `spans` can be chosen without two sharing a word: what "occurrences" counts, so
    /// "al-Shaibani" found both as a phrase and as its last word is one occurrence.
    static func nonOverlapping(_ spans: [Span], collecting hits: inout [LeafHit], track: Bool) -> Int {
        var count = 0
        var lastEnd: Int32 = -1
        for span in spans.sorted(by: { ($0.end, $0.start) < ($1.end, $1.start) }) where span.start > lastEnd {
            count += 1
            lastEnd = span.end
            if track { hits.append(contentsOf: span.hits) }
        }
        return count
    }
}
