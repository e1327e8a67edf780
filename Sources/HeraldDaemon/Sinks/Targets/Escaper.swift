/// How feed text is made inert for one service's markup.
///
/// Escaping works scalar by scalar, inside each grapheme: a `<` carrying a combining mark is still a `<` to a
/// service's parser, so matching whole `Character`s would let it through.
struct Escaper: Sendable {
    /// Scalars replaced by an entity (`&` → `&amp;`).
    var entities: [Unicode.Scalar: String] = [:]
    /// Scalars preceded by a backslash, for Markdown dialects that honour it.
    var backslashed: Set<Unicode.Scalar> = []
    /// Scalars followed by a zero-width space, which breaks mention syntax (`@everyone`, `<at>`,
    /// `<users/all>`) while the text reads the same.
    var breakAfter: Set<Unicode.Scalar> = []

    static let plain = Escaper()

    /// The escaped form of one grapheme cluster.
    func escape(_ character: Character) -> String {
        var out = ""
        for scalar in character.unicodeScalars {
            if let entity = entities[scalar] {
                out += entity
            } else {
                if backslashed.contains(scalar) { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
            if breakAfter.contains(scalar) { out += Self.zeroWidthSpace }
        }
        return out
    }

    /// What the reader sees of one escaped grapheme: entities shown as their character, the
    /// zero-width spaces kept (they count against a service's limit).
    func visible(_ character: Character) -> String {
        var out = ""
        for scalar in character.unicodeScalars {
            out.unicodeScalars.append(scalar)
            if breakAfter.contains(scalar) { out += Self.zeroWidthSpace }
        }
        return out
    }

    func escape(_ text: String) -> String {
        var out = ""
        for character in text { out += escape(character) }
        return out
    }

    static let zeroWidthSpace = "\u{200B}"
}

extension Escaper {
    /// Slack's mrkdwn: only `&`, `<` and `>` are control characters; escaping `<` also disarms `<!channel>`,
    /// `<!here>` and `<@U…>`.
    static let slack = Escaper(entities: ["&": "&amp;", "<": "&lt;", ">": "&gt;"])

    /// HTML text content (Telegram's HTML parse mode, Matrix `formatted_body`).
    static let html = Escaper(entities: ["&": "&amp;", "<": "&lt;", ">": "&gt;"])
}
