/// Named sets of spellings, declared once and shared by many rules: `@shaibani` in a query stands
/// for every variant of the alias `shaibani`.
///
/// A definition lists variants grouped by language:
///
///     { en: "al-Shaibani" | Shaibani | Chaibani ; ar: الشيباني }
///
/// Groups are separated by `;`, variants by `|`. A variant is one word, a "phrase", a sloppy
/// phrase (`"a b"~2`), a prefix (`negotiat*`), a fuzzy word (`Shaibani~1`) or an exact form
/// (`=HTS`). The language label (`en:`) is optional; it does not restrict matching — items mix
/// languages and often carry no language — but explanations report which language's variant
/// matched.
///
/// Names are letters, digits, `_` and `-`, and compared case-insensitively.
public struct AliasTable: Sendable, Hashable {
    /// One alias: its variants as leaves with `scope` unset.
    struct Alias: Sendable, Hashable {
        let name: String
        let definition: String
        let variants: [RuleLeaf]
    }

    private(set) var aliases: [String: Alias] = [:]

    /// An empty table: a query using any `@alias` is then a syntax error.
    public init() {}

    /// A table from definitions keyed by alias name (with or without a leading `@`); each value is
    /// a definition as described on the type. An error's position is in the faulty definition,
    /// and its message names the alias.
    public init(definitions: [String: String]) throws(RuleSyntaxError) {
        for (name, definition) in definitions.sorted(by: { $0.key < $1.key }) {
            try add(name: name, definition: definition, offset: 0, nameOffset: 0)
        }
    }

    /// A table from lines `@name = { … }`; blank lines and lines starting with `#` are skipped. An
    /// error's position is in `text` as a whole.
    public init(parsing text: String) throws(RuleSyntaxError) {
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.count + 1 }
            let trimmed = line.trimmingLeadingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let lead = line.count - trimmed.count
            guard trimmed.hasPrefix("@"), let equals = trimmed.firstIndex(of: "=") else {
                throw RuleSyntaxError(
                    position: offset + lead, message: "an alias line reads '@name = { en: a | b ; ar: c }'")
            }
            let name = String(trimmed[trimmed.index(after: trimmed.startIndex)..<equals])
            let definitionStart = trimmed.distance(from: trimmed.startIndex, to: equals) + 1
            try add(
                name: name, definition: String(trimmed[trimmed.index(after: equals)...]),
                offset: offset + lead + definitionStart, nameOffset: offset + lead)
        }
    }

    /// Adds one alias; an error's position is in `definition`, and its message names the alias.
    public mutating func add(name: String, definition: String) throws(RuleSyntaxError) {
        try add(name: name, definition: definition, offset: 0, nameOffset: 0)
    }

    /// The alias names, sorted, without `@`.
    public var names: [String] {
        aliases.keys.sorted()
    }

    /// The definition of `name` (with or without `@`) as written, if the table has it.
    public func definition(of name: String) -> String? {
        aliases[Self.key(name)]?.definition
    }

    subscript(name: String) -> Alias? {
        aliases[Self.key(name)]
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    private static func key(_ name: String) -> String {
        (name.hasPrefix("@") ? String(name.dropFirst()) : name).trimmingSpaces().lowercased()
    }

    private mutating func add(
        name rawName: String, definition: String, offset: Int, nameOffset: Int
    ) throws(RuleSyntaxError) {
        let name = Self.key(rawName)
        guard !name.isEmpty, name.allSatisfy(Self.isNameCharacter) else {
            throw RuleSyntaxError(
                position: nameOffset,
                message: "invalid alias name '\(rawName)': use letters, digits, '_' and '-'")
        }
        guard aliases[name] == nil else {
            throw RuleSyntaxError(position: nameOffset, message: "alias @\(name) is defined twice")
        }
        let variants = try AliasDefinitionParser.variants(of: Array(definition), offset: offset, alias: name)
        aliases[name] = Alias(name: name, definition: definition.trimmingSpaces(), variants: variants)
    }
}

extension StringProtocol {
    func trimmingLeadingSpaces() -> SubSequence {
        self[(firstIndex { !$0.isWhitespace } ?? endIndex)...]
    }

    func trimmingSpaces() -> String {
        String(trimmingLeadingSpaces().reversed().drop(while: \.isWhitespace).reversed())
    }
}
