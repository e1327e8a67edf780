/// Recursive-descent parser for the query language described on `RuleQuery`.
///
///     query      := or END
///     or         := and ("OR" and)*
///     and        := unary (["AND"] unary)*               -- juxtaposition is AND
///     unary      := "NOT" unary | "-" unary | positional  -- the "-" touching what it negates
///     positional := primary (("NEAR/n" | "PRE/n" | "SENT" | "PARA") primary)*
///     primary    := [field ":"] (WORD | PHRASE | EXACT | ALIAS | REGEX | "(" or ")")
///                 | "atleast:N" "(" or ")"
///
/// Positional operators bind tighter than NOT, so `-a NEAR/3 b` is NOT (a NEAR/3 b); their
/// operands must have word positions: terms, phrases, aliases and OR-groups of those.
///
/// Errors point at the lexeme a person has to fix: an operator with nothing after it, a `(` that
/// is never closed, rather than at the end of the query where the parser noticed.
struct RuleParser {
    /// A node with the `Character` offsets of the query text it was parsed from.
    struct Parsed {
        var node: RuleNode
        var start: Int
        var end: Int
    }

    private let lexemes: [RuleLexeme]
    private let aliases: AliasTable
    private var index = 0
    private var previous: RuleLexeme?
    /// Leaves in query order; `RuleNode.leaf` indexes into it.
    private(set) var leaves: [RuleLeaf] = []
    /// The top-level clauses (the items of the root AND or OR), for explanations.
    private(set) var clauses: [Parsed] = []

    init(lexemes: [RuleLexeme], aliases: AliasTable) {
        self.lexemes = lexemes
        self.aliases = aliases
    }

    mutating func parseQuery() throws(RuleSyntaxError) -> RuleNode {
        if peek.kind == .end { throw RuleSyntaxError(position: 0, message: "empty query") }
        let parsed = try parseOr(scope: .any, top: true)
        if peek.kind == .close { throw RuleSyntaxError(position: peek.start, message: "unmatched ')'") }
        if clauses.isEmpty { clauses = [parsed] }
        return parsed.node
    }

    private var peek: RuleLexeme { lexemes[index] }

    @discardableResult
    private mutating func advance() -> RuleLexeme {
        let lexeme = lexemes[index]
        previous = lexeme
        index += 1
        return lexeme
    }

    private mutating func parseOr(scope: RuleField, top: Bool = false) throws(RuleSyntaxError) -> Parsed {
        var items = [try parseAnd(scope: scope, top: top)]
        while peek.kind == .or {
            advance()
            items.append(try parseAnd(scope: scope))
        }
        if items.count == 1 { return items[0] }
        if top { clauses = items }
        return Parsed(node: .or(items.map(\.node)), start: items[0].start, end: items[items.count - 1].end)
    }

    private mutating func parseAnd(scope: RuleField, top: Bool = false) throws(RuleSyntaxError) -> Parsed {
        var items = [try parseUnary(scope: scope)]
        while true {
            if peek.kind == .and {
                advance()
                items.append(try parseUnary(scope: scope))
            } else if peek.startsOperand {
                items.append(try parseUnary(scope: scope))
            } else {
                break
            }
        }
        if items.count == 1 { return items[0] }
        if top { clauses = items }
        return Parsed(node: .and(items.map(\.node)), start: items[0].start, end: items[items.count - 1].end)
    }

    private mutating func parseUnary(scope: RuleField) throws(RuleSyntaxError) -> Parsed {
        switch peek.kind {
        case .not:
            let not = advance()
            let inner = try parseUnary(scope: scope)
            return Parsed(node: .not(inner.node), start: not.start, end: inner.end)
        case .minus:
            let minus = advance()
            guard peek.start == minus.end, peek.startsOperand, peek.kind != .minus else {
                throw RuleSyntaxError(
                    position: minus.start, message: "'-' must be followed directly by a term, a \"phrase\" or '('")
            }
            let inner = try parseUnary(scope: scope)
            return Parsed(node: .not(inner.node), start: minus.start, end: inner.end)
        default:
            return try parsePositional(scope: scope)
        }
    }

    private mutating func parsePositional(scope: RuleField) throws(RuleSyntaxError) -> Parsed {
        var left = try parsePrimary(scope: scope)
        while true {
            let op = peek
            switch op.kind {
            case .near, .within:
                advance()
                if !peek.startsOperand || peek.kind == .not || peek.kind == .minus {
                    throw RuleSyntaxError(position: op.start, message: "\(op.shown) needs a term after it")
                }
                let right = try parsePrimary(scope: scope)
                try requirePositions(left, for: op)
                try requirePositions(right, for: op)
                let node: RuleNode
                if case .near(let distance, let ordered) = op.kind {
                    node = .near(left.node, right.node, distance: Int32(distance), ordered: ordered)
                } else if case .within(let unit) = op.kind {
                    node = .within(left.node, right.node, unit)
                } else {
                    preconditionFailure("only positional operators reach here")
                }
                left = Parsed(node: node, start: left.start, end: right.end)
            default:
                return left
            }
        }
    }

    /// Positional operators and `atleast:` need word positions on each side.
    private func requirePositions(_ operand: Parsed, for op: RuleLexeme) throws(RuleSyntaxError) {
        if !hasPositions(operand.node) {
            throw RuleSyntaxError(
                position: operand.start,
                message: "\(op.shown) works on terms, phrases, aliases and OR-groups of those, not on this")
        }
    }

    private func hasPositions(_ node: RuleNode) -> Bool {
        switch node {
        case .leaf(let index):
            if case .regex = leaves[index].kind { return false }
            return true
        case .or(let items): return items.allSatisfy(hasPositions)
        case .near, .within: return true
        case .and, .not, .atLeast: return false
        }
    }

    private mutating func parsePrimary(scope: RuleField) throws(RuleSyntaxError) -> Parsed {
        let lexeme = peek
        switch lexeme.kind {
        case .word, .phrase, .exact, .regex:
            advance()
            guard var leaf = try RuleLeaf.make(from: lexeme) else { preconditionFailure("a leaf lexeme") }
            leaf.scope = scope
            leaves.append(leaf)
            return Parsed(node: .leaf(leaves.count - 1), start: lexeme.start, end: lexeme.end)
        case .alias(let name):
            advance()
            guard let alias = aliases[name] else {
                let known =
                    aliases.names.isEmpty
                    ? "no aliases are defined" : "known: @" + aliases.names.joined(separator: ", @")
                throw RuleSyntaxError(position: lexeme.start, message: "unknown alias '@\(name)' (\(known))")
            }
            var items: [RuleNode] = []
            for var variant in alias.variants {
                variant.scope = scope
                leaves.append(variant)
                items.append(.leaf(leaves.count - 1))
            }
            return Parsed(node: items.count == 1 ? items[0] : .or(items), start: lexeme.start, end: lexeme.end)
        case .open:
            advance()
            if peek.kind == .close { throw RuleSyntaxError(position: lexeme.start, message: "empty parentheses") }
            let inner = try parseOr(scope: scope)
            guard peek.kind == .close else {
                throw RuleSyntaxError(position: lexeme.start, message: "'(' is never closed")
            }
            let close = advance()
            return Parsed(node: inner.node, start: lexeme.start, end: close.end)
        case .atLeast(let count):
            advance()
            guard peek.kind == .open, peek.start == lexeme.end else {
                throw RuleSyntaxError(
                    position: lexeme.start, message: "\(lexeme.shown) must be followed directly by '(': 'atleast:2(x)'")
            }
            let group = try parsePrimary(scope: scope)
            try requirePositions(group, for: lexeme)
            return Parsed(node: .atLeast(count, group.node), start: lexeme.start, end: group.end)
        case .field(let field):
            advance()
            if scope != .any, field != scope {
                throw RuleSyntaxError(
                    position: lexeme.start, message: "\(lexeme.shown) inside '\(scope.name):' can never match")
            }
            let scoped: Bool
            switch peek.kind {
            case .word, .phrase, .exact, .alias, .regex, .open, .atLeast: scoped = peek.start == lexeme.end
            default: scoped = false
            }
            guard scoped else {
                throw RuleSyntaxError(
                    position: lexeme.start,
                    message: "\(lexeme.shown) must be followed directly by a term, a \"phrase\" or '('")
            }
            let inner = try parsePrimary(scope: field)
            return Parsed(node: inner.node, start: lexeme.start, end: inner.end)
        case .and, .or, .near, .within:
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
}
