/// Why a rule matched an item.
public struct RuleMatch: Sendable, Hashable {
    /// The query's terms and phrases that matched, as written in the query (without quotes, field
    /// prefix or `-`), in query order and without duplicates.
    ///
    /// Only terms of the parts of the query that held are listed: for `(a AND b) OR c` on an item
    /// with `a` and `c` but not `b`, that is `c`. A term under NOT never appears.
    public var matchedTerms: [String]

    public init(matchedTerms: [String]) {
        self.matchedTerms = matchedTerms
    }
}
