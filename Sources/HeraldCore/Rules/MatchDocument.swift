/// An item prepared for matching: its title and text tokenized, folded and indexed once, then
/// reused for every rule, so each rule costs a few dictionary look-ups rather than a scan.
public struct MatchDocument: Sendable {
    let title: FieldIndex
    let text: FieldIndex

    public init(title: String, text: String) {
        self.title = FieldIndex(Tokenizer.tokens(in: title))
        self.text = FieldIndex(Tokenizer.tokens(in: text))
    }

    /// Whether `tokens` occur as consecutive words of `field` (of either field for `.any`).
    /// A phrase never spans from the title into the text.
    func contains(_ tokens: [String], in field: RuleField) -> Bool {
        switch field {
        case .title: title.contains(tokens)
        case .text: text.contains(tokens)
        case .any: title.contains(tokens) || text.contains(tokens)
        }
    }
}

/// The words of one field and, for each folded word, where it occurs.
struct FieldIndex: Sendable {
    /// Kept whole (with ranges) so later work can show where a rule matched.
    let tokens: [TextToken]
    let positions: [String: [Int]]

    init(_ tokens: [TextToken]) {
        self.tokens = tokens
        var positions: [String: [Int]] = [:]
        positions.reserveCapacity(tokens.count)
        for (position, token) in tokens.enumerated() {
            positions[token.text, default: []].append(position)
        }
        self.positions = positions
    }

    func contains(_ phrase: [String]) -> Bool {
        guard let first = phrase.first, let starts = positions[first] else { return false }
        if phrase.count == 1 { return true }
        // Every word must occur somewhere; this rejects most non-matches without walking.
        for word in phrase.dropFirst() where positions[word] == nil { return false }
        candidates: for start in starts where start + phrase.count <= tokens.count {
            for offset in 1..<phrase.count where tokens[start + offset].text != phrase[offset] {
                continue candidates
            }
            return true
        }
        return false
    }
}
