/// Finds one leaf's occurrences in one field through the field's postings.
enum LeafMatcher {
    /// Whether `leaf` occurs in the first `limit` words of `field`: the fast path for plain words.
    static func occurs(_ leaf: RuleLeaf, in field: FieldIndex, limit: Int32) -> Bool {
        if case .words(let words) = leaf.kind, words.count == 1, limit == .max {
            return field.heads[IndexTerm(words[0])] != nil
        }
        return !postings(leaf, in: field, limit: limit).isEmpty
    }

    /// Every occurrence of `leaf` starting in the first `limit` words of `field`. Regular
    /// expressions have no word positions and yield none.
    static func postings(_ leaf: RuleLeaf, in field: FieldIndex, limit: Int32) -> [Posting] {
        if field.tokens.isEmpty { return [] }
        var found: [Posting]
        switch leaf.kind {
        case .words(let words):
            found = phrase(words, slop: leaf.slop, in: field)
            if let joined = leaf.joined, let list = field.postings(joined) { found += list }
        case .prefix(let prefix):
            found = []
            for key in field.heads.keys where key.text.utf8.starts(with: prefix.utf8) {
                found += field.postings(key) ?? []
            }
        case .fuzzy(let word):
            let target = Array(word.unicodeScalars)
            found = []
            for key in field.heads.keys {
                // Most words differ in length by more than one: skip them before building arrays.
                let length = key.text.utf8.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
                guard length >= target.count - 1, length <= target.count + 1,
                    EditDistance.withinOne(Array(key.text.unicodeScalars), target)
                else { continue }
                found += field.postings(key) ?? []
            }
        case .exact(let folded, let surfaces):
            found = phrase(folded, slop: 0, in: field).filter { posting in
                guard posting.end - posting.start + 1 == Int32(folded.count) else { return false }
                for offset in 0..<folded.count {
                    let position = posting.start + Int32(offset)
                    guard field.tokens[Int(position)].text == folded[offset],
                        field.surface(at: position) == surfaces[offset]
                    else { return false }
                }
                return true
            }
        case .regex:
            return []
        }
        if limit != .max { found.removeAll { $0.start >= limit } }
        return found
    }

    /// Occurrences of `words` in order within one paragraph, with at most `slop` other words in
    /// between in total. For each occurrence of the first word the earliest next word is taken,
    /// which leaves the fewest words in between.
    static func phrase(_ words: [String], slop: Int32, in field: FieldIndex) -> [Posting] {
        guard let firsts = field.postings(words[0]) else { return [] }
        if words.count == 1 { return firsts }
        var lists: [[Posting]] = []
        lists.reserveCapacity(words.count - 1)
        for word in words.dropFirst() {
            guard let list = field.postings(word) else { return [] }
            lists.append(list)
        }
        var result: [Posting] = []
        starts: for first in firsts {
            var current = first
            var extra: Int32 = 0
            for list in lists {
                guard let next = list.first(where: { $0.start > current.end }) else { continue starts }
                extra += next.start - current.end - 1
                if extra > slop { continue starts }
                current = next
            }
            guard field.paragraphs[Int(first.start)] == field.paragraphs[Int(current.end)] else { continue }
            result.append(Posting(start: first.start, end: current.end))
        }
        return result
    }
}
