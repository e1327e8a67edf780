import Foundation

/// A compiled `/pattern/flags` of a query. Regular expressions only verify: they are run on the
/// original field text of items that the rest of the rule (or the presearch) let through.
struct RuleRegex: Sendable, Hashable {
    let pattern: String
    let flags: String
    let expression: NSRegularExpression

    init?(pattern: String, flags: String) {
        var options: NSRegularExpression.Options = []
        if flags.contains("i") { options.insert(.caseInsensitive) }
        if flags.contains("m") { options.insert(.anchorsMatchLines) }
        if flags.contains("s") { options.insert(.dotMatchesLineSeparators) }
        if flags.contains("x") { options.insert(.allowCommentsAndWhitespace) }
        guard let expression = try? NSRegularExpression(pattern: pattern, options: options) else { return nil }
        self.pattern = pattern
        self.flags = flags
        self.expression = expression
    }

    /// UTF-16 ranges of the matches in `text`, at most `limit` of them.
    func matches(in text: String, limit: Int = .max) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let whole = NSRange(location: 0, length: text.utf16.count)
        expression.enumerateMatches(in: text, range: whole) { result, _, stop in
            guard let range = result?.range, range.location != NSNotFound else { return }
            ranges.append(range.location..<(range.location + range.length))
            if ranges.count >= limit { stop.pointee = true }
        }
        return ranges
    }

    static func == (lhs: RuleRegex, rhs: RuleRegex) -> Bool {
        lhs.pattern == rhs.pattern && lhs.flags == rhs.flags
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
        hasher.combine(flags)
    }
}
