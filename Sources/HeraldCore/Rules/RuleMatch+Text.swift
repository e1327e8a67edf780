extension RuleMatch {
    /// The explanation as lines for people: the clauses that held (long ones cut), the alias
    /// variants that matched, where the first hits are, and the snippet. With `highlight` (a terminal), hits in the
    /// snippet are shown in bold yellow instead of `[[…]]`.
    public func explanationLines(highlight: Bool = false) -> [String] {
        var lines: [String] = []
        if !matchedClauses.isEmpty {
            lines.append(
                "clauses: " + matchedClauses.map { Self.shortened(Self.flattened($0)) }.joined(separator: " · "))
        }
        for variant in aliasVariants {
            let language = variant.language.isEmpty ? "" : " (\(variant.language))"
            lines.append("alias: @\(variant.alias) → \(variant.variant)\(language)")
        }
        if !hits.isEmpty {
            let shown = hits.prefix(8).map { "\($0.field)[\($0.start)..<\($0.end)] \($0.text)" }
            let more = hits.count > 8 ? " · +\(hits.count - 8) more" : ""
            lines.append("at: " + shown.joined(separator: " · ") + more)
        }
        if !snippet.isEmpty {
            lines.append("“" + (highlight ? Self.highlighted(snippet) : snippet) + "”")
        }
        return lines
    }

    /// White space runs (a query written over several YAML lines) as one space.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A long clause cut to its first 60 characters: the JSON form keeps it whole.
    static func shortened(_ clause: String) -> String {
        clause.count <= 60 ? clause : clause.prefix(59) + "…"
    }

    /// `[[hit]]` markers as ANSI bold yellow.
    static func highlighted(_ snippet: String) -> String {
        snippet.replacing("[[", with: "\u{1B}[1;33m").replacing("]]", with: "\u{1B}[0m")
    }
}
