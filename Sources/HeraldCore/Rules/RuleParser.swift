/// Recursive-descent parser for the query language described on `RuleQuery`.
///
///     query   := or END
///     or      := and ("OR" and)*
///     and     := unary (["AND"] unary)*        -- juxtaposition is AND
///     unary   := "NOT" unary | "-" unary       -- the "-" touching what it negates
///     primary := [field ":"] (WORD | PHRASE | "(" or ")")
///
/// Errors point at the lexeme a person has to fix: an operator with nothing after it, a `(` that
/// is never closed, rather than at the end of the query where the parser noticed.
struct RuleParser {
    private let lexemes: [RuleLexeme]
    private var index = 0
    private var previous: RuleLexeme?
    /// Terms in query order; `RuleNode.term` indexes into it.
    private(set) var terms: [RuleTerm] = []

    init(lexemes: [RuleLexeme]) {
        self.lexemes = lexemes
    }

    mutating func parseQuery() throws(RuleSyntaxError) -> RuleNode {
        if peek.kind == .end { throw RuleSyntaxError(position: 0, message: "empty query") }
        let node = try parseOr(scope: .any)
        if peek.kind == .close { throw RuleSyntaxError(position: peek.start, message: "unmatched ')'") }
        return node
    }

    private var peek: RuleLexeme { lexemes[index] }

    @discardableResult
    private mutating func advance() -> RuleLexeme {
        let lexeme = lexemes[index]
        previous = lexeme
        index += 1
        return lexeme
    }

    private mutating func parseOr(scope: RuleField) throws(RuleSyntaxError) -> RuleNode {
        var items = [try parseAnd(scope: scope)]
        while peek.kind == .or {
            advance()
            items.append(try parseAnd(scope: scope))
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    private mutating func parseAnd(scope: RuleField) throws(RuleSyntaxError) -> RuleNode {
        var items = [try parseUnary(scope: scope)]
        loop: while true {
            switch peek.kind {
            case .and:
                advance()
                items.append(try parseUnary(scope: scope))
            case .word, .phrase, .not, .minus, .field, .open:
                items.append(try parseUnary(scope: scope))
            case .or, .close, .end:
                break loop
            }
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    private mutating func parseUnary(scope: RuleField) throws(RuleSyntaxError) -> RuleNode {
        switch peek.kind {
        case .not:
            advance()
            return .not(try parseUnary(scope: scope))
        case .minus:
            let minus = advance()
            guard peek.start == minus.end, peek.kind != .end, peek.kind != .close else {
                throw RuleSyntaxError(
                    position: minus.start, message: "'-' must be followed directly by a term, a \"phrase\" or '('")
            }
            return .not(try parseUnary(scope: scope))
        default:
            return try parsePrimary(scope: scope)
        }
    }

    private mutating func parsePrimary(scope: RuleField) throws(RuleSyntaxError) -> RuleNode {
        let lexeme = peek
        switch lexeme.kind {
        case .word(let text):
            advance()
            return try term(text, isPhrase: false, at: lexeme, scope: scope)
        case .phrase(let text):
            advance()
            return try term(text, isPhrase: true, at: lexeme, scope: scope)
        case .open:
            advance()
            if peek.kind == .close { throw RuleSyntaxError(position: lexeme.start, message: "empty parentheses") }
            let inner = try parseOr(scope: scope)
            guard peek.kind == .close else {
                throw RuleSyntaxError(position: lexeme.start, message: "'(' is never closed")
            }
            advance()
            return inner
        case .field(let field):
            advance()
            if scope != .any, field != scope {
                throw RuleSyntaxError(
                    position: lexeme.start, message: "\(lexeme.shown) inside '\(scope.name):' can never match")
            }
            let scoped: Bool
            switch peek.kind {
            case .word, .phrase, .open: scoped = peek.start == lexeme.end
            default: scoped = false
            }
            guard scoped else {
                throw RuleSyntaxError(
                    position: lexeme.start,
                    message: "\(lexeme.shown) must be followed directly by a term, a \"phrase\" or '('")
            }
            return try parsePrimary(scope: field)
        case .and, .or:
            throw RuleSyntaxError(position: lexeme.start, message: "\(lexeme.shown) needs a term before it")
        case .end, .close, .not, .minus:
            // NOT and `-` are taken by `parseUnary`; here only after a field, which rejected them.
            throw missingOperand(found: lexeme)
        }
    }

    /// The error for a term expected but `found` instead: blame what wanted the term.
    private func missingOperand(found: RuleLexeme) -> RuleSyntaxError {
        guard let previous else {
            return RuleSyntaxError(position: found.start, message: "unmatched ')'")
        }
        if previous.kind == .open {
            return RuleSyntaxError(position: previous.start, message: "'(' is never closed")
        }
        return RuleSyntaxError(position: previous.start, message: "\(previous.shown) needs a term after it")
    }

    private mutating func term(
        _ text: String, isPhrase: Bool, at lexeme: RuleLexeme, scope: RuleField
    ) throws(RuleSyntaxError) -> RuleNode {
        let tokens = Tokenizer.tokens(in: text).map(\.text)
        if tokens.isEmpty {
            let message =
                isPhrase && text.allSatisfy(\.isWhitespace)
                ? "empty phrase" : "\(lexeme.shown) has no letters or digits to match"
            throw RuleSyntaxError(position: lexeme.start, message: message)
        }
        terms.append(RuleTerm(tokens: tokens, field: scope, written: text))
        return .term(terms.count - 1)
    }
}
