/// A sentence listed under a rule's `expect:` or `reject:` that the rule gets wrong.
public struct RuleExpectationFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Listed under `expect:`, but the rule does not match it.
        case missed
        /// Listed under `reject:`, but the rule matches it.
        case unwanted
    }

    public let kind: Kind
    public let sentence: String
    /// For an unwanted match, the terms that made it; empty for a miss.
    public let matchedTerms: [String]

    public init(kind: Kind, sentence: String, matchedTerms: [String] = []) {
        self.kind = kind
        self.sentence = sentence
        self.matchedTerms = matchedTerms
    }

    public var description: String {
        switch kind {
        case .missed: "expected a match: \(sentence)"
        case .unwanted: "expected no match (matched \(matchedTerms.joined(separator: ", "))): \(sentence)"
        }
    }
}

extension RuleQuery {
    /// The sentences the query gets wrong: each is matched as an item whose title is the sentence.
    /// Failures come in the order given, `expect` first.
    public func check(expect: [String], reject: [String]) -> [RuleExpectationFailure] {
        var failures: [RuleExpectationFailure] = []
        for sentence in expect where !holds(in: MatchDocument(title: sentence, text: "")) {
            failures.append(RuleExpectationFailure(kind: .missed, sentence: sentence))
        }
        for sentence in reject {
            if let match = match(MatchDocument(title: sentence, text: "")) {
                failures.append(
                    RuleExpectationFailure(kind: .unwanted, sentence: sentence, matchedTerms: match.matchedTerms))
            }
        }
        return failures
    }
}
