/// One lexical element of a query, with its `Character` offsets in the query.
struct RuleLexeme: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word(String)
        case phrase(String)
        /// `=US`, `="Security Council"`: the surface form, case and accents included.
        case exact(String, isPhrase: Bool)
        /// `@shaibani`, the name without `@`.
        case alias(String)
        /// `/pattern/flags`.
        case regex(String, flags: String)
        case and, or, not
        /// `-` directly before a term: NOT.
        case minus
        /// `title:`, `text:`, …
        case field(RuleField)
        /// `NEAR/n` (unordered) or `PRE/n` (ordered).
        case near(Int, ordered: Bool)
        /// `SENT` or `PARA`.
        case within(RuleUnit)
        /// `atleast:N` — an opening parenthesis must follow.
        case atLeast(Int)
        case open, close
        case end
    }

    /// What follows a word or phrase directly: `*`, `~1` or `~N`.
    enum Modifier: Sendable, Hashable {
        case none
        /// `negotiat*`.
        case prefix
        /// `Shaibani~1` on a word; `"Syria Israel"~3` on a phrase.
        case tilde(Int)
    }

    let kind: Kind
    let start: Int
    let end: Int
    var modifier: Modifier = .none

    /// How the lexeme reads in an error message.
    var shown: String {
        switch kind {
        case .word(let text): "'\(text)'"
        case .phrase(let text): "\"\(text)\""
        case .exact(let text, let isPhrase): isPhrase ? "=\"\(text)\"" : "'=\(text)'"
        case .alias(let name): "'@\(name)'"
        case .regex(let pattern, _): "/\(pattern)/"
        case .and: "'AND'"
        case .or: "'OR'"
        case .not: "'NOT'"
        case .minus: "'-'"
        case .field(let field): "'\(field.name):'"
        case .near(let distance, let ordered): ordered ? "'PRE/\(distance)'" : "'NEAR/\(distance)'"
        case .within(let unit): unit == .sentence ? "'SENT'" : "'PARA'"
        case .atLeast(let count): "'atleast:\(count)'"
        case .open: "'('"
        case .close: "')'"
        case .end: "the end"
        }
    }

    /// Whether the lexeme can start an operand.
    var startsOperand: Bool {
        switch kind {
        case .word, .phrase, .exact, .alias, .regex, .not, .minus, .field, .atLeast, .open: true
        case .and, .or, .near, .within, .close, .end: false
        }
    }
}

/// The text unit `SENT` and `PARA` keep both sides in.
enum RuleUnit: Sendable, Hashable {
    case sentence, paragraph
}
