/// One lexical element of a query, with its `Character` offsets in the query.
struct RuleLexeme: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word(String)
        case phrase(String)
        case and, or, not
        /// `-` directly before a term: NOT.
        case minus
        /// `title:` or `text:`.
        case field(RuleField)
        case open, close
        case end
    }

    let kind: Kind
    let start: Int
    let end: Int

    /// How the lexeme reads in an error message.
    var shown: String {
        switch kind {
        case .word(let text): "'\(text)'"
        case .phrase(let text): "\"\(text)\""
        case .and: "'AND'"
        case .or: "'OR'"
        case .not: "'NOT'"
        case .minus: "'-'"
        case .field(let field): "'\(field.name):'"
        case .open: "'('"
        case .close: "')'"
        case .end: "the end"
        }
    }
}

/// Splits a query into lexemes.
///
/// - Whitespace separates; `(` and `)` stand alone.
/// - A phrase runs from a quote (`"`, `“`, `”` or `„` — pasted text brings curly ones) to the
///   next quote.
/// - `-` at the start of a lexeme is the NOT prefix; inside a word it is part of the word.
/// - `AND`, `OR`, `NOT` are operators only in upper case; `and` is a word.
/// - Letters followed by `:` at the start of a word name a field; `10:30` is just a word.
enum RuleLexer {
    static func lexemes(of query: [Character]) throws(RuleSyntaxError) -> [RuleLexeme] {
        var lexemes: [RuleLexeme] = []
        var index = 0
        while index < query.count {
            let character = query[index]
            if character.isWhitespace {
                index += 1
            } else if character == "(" || character == ")" {
                lexemes.append(RuleLexeme(kind: character == "(" ? .open : .close, start: index, end: index + 1))
                index += 1
            } else if isQuote(character) {
                guard let close = query[(index + 1)...].firstIndex(where: isQuote) else {
                    throw RuleSyntaxError(position: index, message: "unterminated quote: this phrase is never closed")
                }
                let text = String(query[(index + 1)..<close])
                lexemes.append(RuleLexeme(kind: .phrase(text), start: index, end: close + 1))
                index = close + 1
            } else if character == "-" {
                lexemes.append(RuleLexeme(kind: .minus, start: index, end: index + 1))
                index += 1
            } else {
                let lexeme = try word(in: query, at: index)
                lexemes.append(lexeme)
                index = lexeme.end
            }
        }
        lexemes.append(RuleLexeme(kind: .end, start: query.count, end: query.count))
        return lexemes
    }

    /// A word, operator or field name starting at `start`.
    static func word(in query: [Character], at start: Int) throws(RuleSyntaxError) -> RuleLexeme {
        var end = start
        while end < query.count {
            let character = query[end]
            if character.isWhitespace || character == "(" || character == ")" || isQuote(character) { break }
            if character == ":", end > start, query[start..<end].allSatisfy(\.isLetter) {
                let name = String(query[start..<end])
                guard let field = RuleField(name: name) else {
                    throw RuleSyntaxError(
                        position: start, message: "unknown field '\(name):' (the fields are 'title:' and 'text:')")
                }
                return RuleLexeme(kind: .field(field), start: start, end: end + 1)
            }
            if character == "*" {
                // Reserved: silently matching "syri*" as "syri" would miss what the writer meant.
                throw RuleSyntaxError(position: end, message: "wildcards ('*') are not supported")
            }
            end += 1
        }
        let text = String(query[start..<end])
        let kind: RuleLexeme.Kind =
            switch text {
            case "AND": .and
            case "OR": .or
            case "NOT": .not
            default: .word(text)
            }
        return RuleLexeme(kind: kind, start: start, end: end)
    }

    static func isQuote(_ character: Character) -> Bool {
        character == "\"" || character == "\u{201C}" || character == "\u{201D}" || character == "\u{201E}"
    }
}
