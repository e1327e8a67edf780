/// Splits a query into lexemes.
///
/// - Whitespace separates; `(` and `)` stand alone.
/// - A phrase runs from a quote (`"`, `“`, `”` or `„` — pasted text brings curly ones) to the
///   next quote; `~N` directly after it makes it sloppy.
/// - `-` at the start of a lexeme is the NOT prefix; inside a word it is part of the word.
/// - `=` at the start of a lexeme makes the word or phrase after it exact; `@` names an alias;
///   `/` starts a regular expression that runs to the next unescaped `/`.
/// - `AND`, `OR`, `NOT`, `NEAR/n`, `PRE/n`, `SENT`, `PARA` are operators only in upper case.
/// - Letters followed by `:` at the start of a word name a field (or are `atleast:N`); `10:30` is
///   just a word.
/// - A word may end in `*` (prefix) or `~1` (one edit).
enum RuleLexer {
    static func lexemes(of query: [Character], offset: Int = 0) throws(RuleSyntaxError) -> [RuleLexeme] {
        var lexer = Cursor(query: query, offset: offset)
        return try lexer.run()
    }

    static func isQuote(_ character: Character) -> Bool {
        character == "\"" || character == "\u{201C}" || character == "\u{201D}" || character == "\u{201E}"
    }

    static func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || isQuote(character)
    }

    /// The scan over one query. `offset` shifts reported positions, for alias variants that are
    /// lexed out of a longer definition.
    private struct Cursor {
        let query: [Character]
        let offset: Int
        var index = 0
        var lexemes: [RuleLexeme] = []

        init(query: [Character], offset: Int) {
            self.query = query
            self.offset = offset
        }

        func error(_ position: Int, _ message: String) -> RuleSyntaxError {
            RuleSyntaxError(position: position + offset, message: message)
        }

        func lexeme(_ kind: RuleLexeme.Kind, _ start: Int, _ end: Int) -> RuleLexeme {
            RuleLexeme(kind: kind, start: start + offset, end: end + offset)
        }

        mutating func run() throws(RuleSyntaxError) -> [RuleLexeme] {
            while index < query.count {
                let character = query[index]
                if character.isWhitespace {
                    index += 1
                } else if character == "(" || character == ")" {
                    lexemes.append(lexeme(character == "(" ? .open : .close, index, index + 1))
                    index += 1
                } else if RuleLexer.isQuote(character) {
                    let start = index
                    let text = try phrase()
                    let modifier = try tilde()
                    lexemes.append(
                        RuleLexeme(kind: .phrase(text), start: start + offset, end: index + offset, modifier: modifier))
                } else if character == "-" {
                    lexemes.append(lexeme(.minus, index, index + 1))
                    index += 1
                } else if character == "=" {
                    try exact()
                } else if character == "@" {
                    try alias()
                } else if character == "/" {
                    try regex()
                } else {
                    try word()
                }
            }
            lexemes.append(lexeme(.end, query.count, query.count))
            return lexemes
        }

        /// The text of the phrase whose opening quote is at `index`; leaves `index` after the close.
        mutating func phrase() throws(RuleSyntaxError) -> String {
            let open = index
            guard let close = query[(open + 1)...].firstIndex(where: RuleLexer.isQuote) else {
                throw error(open, "unterminated quote: this phrase is never closed")
            }
            index = close + 1
            return String(query[(open + 1)..<close])
        }

        /// A `~N` directly at `index`, after a phrase.
        mutating func tilde() throws(RuleSyntaxError) -> RuleLexeme.Modifier {
            guard index < query.count, query[index] == "~" else { return .none }
            let start = index
            index += 1
            var digits = ""
            while index < query.count, let digit = query[index].wholeNumberValue, query[index].isASCII {
                digits.append(String(digit))
                index += 1
            }
            guard let count = Int(digits), count <= 1000 else {
                throw error(start, "'~' after a phrase needs the number of extra words allowed, as in \"a b\"~3")
            }
            return .tilde(count)
        }

        mutating func exact() throws(RuleSyntaxError) {
            let start = index
            index += 1
            if index < query.count, RuleLexer.isQuote(query[index]) {
                let text = try phrase()
                lexemes.append(lexeme(.exact(text, isPhrase: true), start, index))
                return
            }
            var end = index
            while end < query.count, !RuleLexer.endsWord(query[end]) { end += 1 }
            guard end > index else { throw error(start, "'=' must be followed directly by a word or a \"phrase\"") }
            lexemes.append(lexeme(.exact(String(query[index..<end]), isPhrase: false), start, end))
            index = end
        }

        mutating func alias() throws(RuleSyntaxError) {
            let start = index
            var end = index + 1
            while end < query.count, AliasTable.isNameCharacter(query[end]) { end += 1 }
            guard end > start + 1 else { throw error(start, "'@' must be followed directly by an alias name") }
            if end < query.count, !RuleLexer.endsWord(query[end]) {
                throw error(end, "unexpected '\(query[end])' after an alias name")
            }
            lexemes.append(lexeme(.alias(String(query[(start + 1)..<end]).lowercased()), start, end))
            index = end
        }

        mutating func regex() throws(RuleSyntaxError) {
            let start = index
            var end = index + 1
            var escaped = false
            while end < query.count {
                if escaped {
                    escaped = false
                } else if query[end] == "\\" {
                    escaped = true
                } else if query[end] == "/" {
                    break
                }
                end += 1
            }
            guard end < query.count else { throw error(start, "unterminated regular expression: no closing '/'") }
            let pattern = String(query[(start + 1)..<end])
            var flagsEnd = end + 1
            while flagsEnd < query.count, query[flagsEnd].isLetter { flagsEnd += 1 }
            let flags = String(query[(end + 1)..<flagsEnd])
            if let bad = flags.first(where: { !"imsx".contains($0) }) {
                throw error(end + 1, "unknown regular expression flag '\(bad)' (the flags are i, m, s and x)")
            }
            if pattern.isEmpty { throw error(start, "empty regular expression") }
            lexemes.append(lexeme(.regex(pattern, flags: flags), start, flagsEnd))
            index = flagsEnd
        }

        /// A word, operator, field name or `atleast:N` starting at `index`.
        mutating func word() throws(RuleSyntaxError) {
            let start = index
            var end = start
            while end < query.count {
                let character = query[end]
                if RuleLexer.endsWord(character) { break }
                if character == ":", end > start, query[start..<end].allSatisfy(\.isLetter) {
                    try fieldOrCount(name: String(query[start..<end]), start: start, colon: end)
                    return
                }
                end += 1
            }
            index = end
            var text = String(query[start..<end])
            var modifier = RuleLexeme.Modifier.none
            if let operatorKind = try operatorKind(text, at: start) {
                lexemes.append(lexeme(operatorKind, start, end))
                return
            }
            if let tilde = text.firstIndex(of: "~") {
                let digits = text[text.index(after: tilde)...]
                let position = start + text.distance(from: text.startIndex, to: tilde)
                guard let count = digits.isEmpty ? 1 : Int(digits), digits.allSatisfy(\.isASCII) else {
                    throw error(position, "'~' after a word takes the number of edits: 'Shaibani~1'")
                }
                guard count == 1 else {
                    throw error(position, "fuzzy matching allows one edit at most: write '~1'")
                }
                text = String(text[..<tilde])
                modifier = .tilde(1)
            }
            if let star = text.firstIndex(of: "*") {
                let position = start + text.distance(from: text.startIndex, to: star)
                guard text.index(after: star) == text.endIndex, modifier == .none else {
                    throw error(position, "a wildcard ('*') is allowed only at the end of a word: 'negotiat*'")
                }
                text.removeLast()
                modifier = .prefix
            }
            lexemes.append(RuleLexeme(kind: .word(text), start: start + offset, end: end + offset, modifier: modifier))
        }

        mutating func fieldOrCount(name: String, start: Int, colon: Int) throws(RuleSyntaxError) {
            if name.lowercased() == "atleast" {
                var end = colon + 1
                while end < query.count, query[end].isASCII, query[end].isNumber { end += 1 }
                guard let count = Int(String(query[(colon + 1)..<end])), count >= 1, count <= 1000 else {
                    throw error(start, "'atleast:' needs a count and a group: 'atleast:2(@shaibani)'")
                }
                lexemes.append(lexeme(.atLeast(count), start, end))
                index = end
                return
            }
            guard let field = RuleField(name: name) else {
                throw error(start, "unknown field '\(name):' (the fields are \(RuleField.names))")
            }
            lexemes.append(lexeme(.field(field), start, colon + 1))
            index = colon + 1
        }

        /// The operator `text` spells, if it is one.
        func operatorKind(_ text: String, at start: Int) throws(RuleSyntaxError) -> RuleLexeme.Kind? {
            switch text {
            case "AND": return .and
            case "OR": return .or
            case "NOT": return .not
            case "SENT": return .within(.sentence)
            case "PARA": return .within(.paragraph)
            case "NEAR", "PRE":
                throw error(start, "'\(text)' needs a distance in words: '\(text)/5'")
            default:
                break
            }
            for (name, ordered) in [("NEAR/", false), ("PRE/", true)] where text.hasPrefix(name) {
                guard let distance = Int(text.dropFirst(name.count)), distance >= 0, distance <= 1000 else {
                    throw error(start, "'\(name)' needs a distance in words: '\(name)5'")
                }
                return .near(distance, ordered: ordered)
            }
            return nil
        }
    }
}
