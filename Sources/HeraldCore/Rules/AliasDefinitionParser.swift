/// Reads an alias definition `{ en: "al-Shaibani" | Shaibani ; ar: الشيباني }` into leaves.
enum AliasDefinitionParser {
    static func variants(
        of text: [Character], offset: Int, alias: String
    ) throws(RuleSyntaxError) -> [RuleLeaf] {
        func fail(_ position: Int, _ message: String) -> RuleSyntaxError {
            RuleSyntaxError(position: position + offset, message: "in alias @\(alias): \(message)")
        }
        guard let open = text.firstIndex(where: { !$0.isWhitespace }), text[open] == "{" else {
            throw fail(text.firstIndex { !$0.isWhitespace } ?? 0, "a definition starts with '{'")
        }
        guard let close = text.lastIndex(where: { !$0.isWhitespace }), text[close] == "}", close > open else {
            throw fail(text.count, "a definition ends with '}'")
        }
        var leaves: [RuleLeaf] = []
        for group in split(text, from: open + 1, to: close, at: ";") where !text[group].allSatisfy(\.isWhitespace) {
            var start = group.lowerBound
            while start < group.upperBound, text[start].isWhitespace { start += 1 }
            var language = ""
            var label = start
            while label < group.upperBound, text[label].isLetter || text[label] == "-" || text[label] == "_" {
                label += 1
            }
            if label > start, label < group.upperBound, text[label] == ":" {
                language = String(text[start..<label]).lowercased()
                start = label + 1
            }
            for variant in split(text, from: start, to: group.upperBound, at: "|") {
                let characters = Array(text[variant])
                guard characters.contains(where: { !$0.isWhitespace }) else {
                    throw fail(variant.lowerBound, "empty variant")
                }
                do throws(RuleSyntaxError) {
                    let lexemes = try RuleLexer.lexemes(of: characters, offset: variant.lowerBound)
                    guard lexemes.count == 2, var leaf = try RuleLeaf.make(from: lexemes[0]) else {
                        throw RuleSyntaxError(
                            position: lexemes[0].start,
                            message: "a variant is one word, a \"phrase\", a prefix* or an =exact form")
                    }
                    if case .regex = leaf.kind {
                        throw RuleSyntaxError(position: lexemes[0].start, message: "a variant cannot be a regex")
                    }
                    leaf.alias = AliasOrigin(name: alias, language: language)
                    leaves.append(leaf)
                } catch {
                    throw fail(error.position, error.message)
                }
            }
        }
        guard !leaves.isEmpty else { throw fail(open, "an alias needs at least one variant") }
        return leaves
    }

    /// Ranges of `text[from..<to]` between `separator`s outside quotes.
    private static func split(_ text: [Character], from: Int, to: Int, at separator: Character) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = from
        var quoted = false
        var index = from
        while index < to {
            let character = text[index]
            if RuleLexer.isQuote(character) {
                quoted.toggle()
            } else if character == separator, !quoted {
                ranges.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        ranges.append(start..<to)
        return ranges.filter { range in
            // A trailing separator ("a | b ;") leaves an empty last piece, which is no variant.
            !(range == ranges.last && ranges.count > 1 && text[range].allSatisfy(\.isWhitespace))
        }
    }
}
