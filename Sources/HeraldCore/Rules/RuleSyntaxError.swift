/// Why a rule's query could not be parsed, and where.
///
/// `position` is a 0-based offset in `Character`s (what a reader sees as characters) into the
/// query; it may equal the query's length when something is missing at the end.
public struct RuleSyntaxError: Error, CustomStringConvertible, Sendable, Hashable {
    public let position: Int
    public let message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    /// The message and the 1-based column a person would count to.
    public var description: String {
        "\(message) (column \(position + 1))"
    }

    /// The query's line holding the error, and under it a caret (`^`) at the offending character:
    ///
    ///     (syria OR israel
    ///     ^
    ///
    /// Only that line is shown when the query spans several (YAML block scalars). Tabs in the line
    /// are copied into the padding so the caret stays aligned; right-to-left and double-width
    /// characters can still shift it, which a terminal decides, not us.
    public func render(query: String) -> String {
        let characters = Array(query)
        let errorAt = min(max(position, 0), characters.count)
        var lineStart = errorAt
        while lineStart > 0, !characters[lineStart - 1].isNewline { lineStart -= 1 }
        var lineEnd = errorAt
        while lineEnd < characters.count, !characters[lineEnd].isNewline { lineEnd += 1 }
        let padding = characters[lineStart..<errorAt].map { $0 == "\t" ? "\t" : " " }.joined()
        return String(characters[lineStart..<lineEnd]) + "\n" + padding + "^"
    }
}
